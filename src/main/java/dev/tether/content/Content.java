package dev.tether.content;

import dev.tether.platform.RefusedException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that can be licensed: its wrapped key, its IV and its policy. The policy, never the
 * client, decides how long a token may be redeemed and how long a license plays. The key is stored
 * wrapped only; {@link ContentCatalog#keyMaterial} opens it for token requests.
 */
@Entity
@Table(name = "content")
public class Content {

    @Id
    @Column(name = "content_id")
    private String contentId;

    @Column(name = "wrapped_key", nullable = false)
    private String wrappedKey;

    @Column(name = "master_key_id", nullable = false)
    private String masterKeyId;

    @Column(name = "iv_hex", nullable = false)
    private String ivHex;

    @Column(name = "token_lifetime_seconds", nullable = false)
    private long tokenLifetimeSeconds;

    @Column(name = "rental_duration_seconds", nullable = false)
    private long rentalDurationSeconds;

    @Column(name = "required_group")
    private String requiredGroup;

    @Column(name = "device_binding_required", nullable = false)
    private boolean deviceBindingRequired;

    @Column(name = "registration", nullable = false, updatable = false)
    private boolean registration;

    @Column(name = "policy_version", nullable = false)
    private long policyVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Version
    private long version;

    /** The DRMs the title is packaged for, each with its rights; read with the title, always few. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "content_drm", joinColumns = @JoinColumn(name = "content_id"))
    private List<DrmRights> drms = new ArrayList<>();

    protected Content() {}

    /** A FairPlay-only title, as every title was before multi-DRM. */
    public Content(
            ContentId id, WrappedKey key, String ivHex, ContentPolicy policy, boolean registration, Instant createdAt) {
        this(id, key, ivHex, policy, List.of(DrmRights.fairPlay()), registration, createdAt);
    }

    public Content(
            ContentId id,
            WrappedKey key,
            String ivHex,
            ContentPolicy policy,
            List<DrmRights> drms,
            boolean registration,
            Instant createdAt) {
        this.contentId = Objects.requireNonNull(id).value();
        setKey(key);
        this.ivHex = requireHex16(ivHex, "IV");
        setPolicy(policy);
        setDrms(drms);
        this.registration = registration;
        this.policyVersion = 1;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** At least one DRM, each at most once. */
    private void setDrms(List<DrmRights> given) {
        Objects.requireNonNull(given, "drms");
        if (given.isEmpty()) {
            throw new IllegalArgumentException("a title is packaged for at least one DRM");
        }
        EnumSet<Drm> seen = EnumSet.noneOf(Drm.class);
        for (DrmRights rights : given) {
            if (!seen.add(rights.drm())) {
                throw new IllegalArgumentException(
                        "a title lists each DRM once; " + rights.drm().wire() + " twice");
            }
        }
        this.drms.clear();
        this.drms.addAll(given);
    }

    /** Whether {@code hex} is a 16-byte key or IV in hex, as ExpressPlay wants them. */
    public static boolean isHex16(String hex) {
        return hex != null && hex.length() == 32 && hex.chars().allMatch(HexFormat::isHexDigit);
    }

    private static String requireHex16(String hex, String what) {
        if (!isHex16(hex)) {
            throw new IllegalArgumentException(what + " must be 32 hex digits");
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    private void setKey(WrappedKey key) {
        Objects.requireNonNull(key, "wrapped key");
        this.wrappedKey = key.sealed();
        this.masterKeyId = key.masterKeyId();
    }

    private void setPolicy(ContentPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        this.tokenLifetimeSeconds = policy.tokenLifetime().toSeconds();
        this.rentalDurationSeconds = policy.rentalDuration().toSeconds();
        this.requiredGroup = policy.requiredGroup().orElse(null);
        this.deviceBindingRequired = policy.deviceBindingRequired();
    }

    /** A new policy and, optionally, new key material; a retired title is not changed any more. */
    public void update(ContentPolicy policy, Optional<WrappedKey> key, Optional<String> iv, Instant now) {
        update(policy, key, iv, Optional.empty(), now);
    }

    /** As {@link #update(ContentPolicy, Optional, Optional, Instant)}, with new DRMs when present. */
    public void update(
            ContentPolicy policy,
            Optional<WrappedKey> key,
            Optional<String> iv,
            Optional<List<DrmRights>> newDrms,
            Instant now) {
        if (isRetired()) {
            throw new RefusedException(
                    ContentRefusal.CONTENT_RETIRED, "Content " + contentId + " is retired and cannot change.");
        }
        setPolicy(policy);
        newDrms.ifPresent(this::setDrms);
        key.ifPresent(this::setKey);
        iv.ifPresent(value -> this.ivHex = requireHex16(value, "IV"));
        this.policyVersion++;
        this.updatedAt = now;
    }

    /** The same key, wrapped again (under a newer master key); the policy is untouched. */
    public void rewrap(WrappedKey key) {
        setKey(key);
    }

    /** Stops licensing the title; tokens already issued keep their windows. */
    public void retire(Instant now) {
        if (isRetired()) {
            throw new RefusedException(ContentRefusal.CONTENT_RETIRED, "Content " + contentId + " is already retired.");
        }
        this.retiredAt = now;
        this.updatedAt = now;
    }

    public ContentId id() {
        return new ContentId(contentId);
    }

    public WrappedKey wrappedKey() {
        return new WrappedKey(masterKeyId, wrappedKey);
    }

    String ivHex() {
        return ivHex;
    }

    public ContentPolicy policy() {
        return new ContentPolicy(
                tokenLifetime(), rentalDuration(), Optional.ofNullable(requiredGroup), deviceBindingRequired);
    }

    /** The DRMs the title is packaged for, FairPlay, Widevine, PlayReady (the database keeps no order). */
    public List<DrmRights> drms() {
        return drms.stream()
                .sorted(java.util.Comparator.comparing(DrmRights::drm))
                .toList();
    }

    /** The title's rights for {@code drm}, empty if it is not packaged for it. */
    public Optional<DrmRights> rightsFor(Drm drm) {
        return drms.stream().filter(rights -> rights.drm() == drm).findFirst();
    }

    /** Incremented by every policy or key change, so a decision can name the policy it applied. */
    public long policyVersion() {
        return policyVersion;
    }

    /** When a token issued at {@code now} stops being redeemable. */
    public Instant tokenExpiry(Instant now) {
        return now.plusSeconds(tokenLifetimeSeconds);
    }

    public Duration tokenLifetime() {
        return Duration.ofSeconds(tokenLifetimeSeconds);
    }

    /** How long a license plays once redeemed; zero means no rental limit. */
    public Duration rentalDuration() {
        return Duration.ofSeconds(rentalDurationSeconds);
    }

    /** Whether this is the dummy content whose token only serves to log a device's id against a cookie. */
    public boolean isRegistration() {
        return registration;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }
}
