package dev.tether.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Something that can be licensed. It knows its key material and its token policy; the policy,
 * never the client, decides how long a token may be redeemed and how long a license plays.
 */
@Entity
@Table(name = "content")
public class Content {

    /** ExpressPlay refuses token windows longer than 30 days. */
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(30);

    @Id
    @Column(name = "content_id")
    private String contentId;

    @Column(name = "content_key_hex", nullable = false)
    private String contentKeyHex;

    @Column(name = "iv_hex", nullable = false)
    private String ivHex;

    @Column(name = "token_lifetime_seconds", nullable = false)
    private long tokenLifetimeSeconds;

    @Column(name = "rental_duration_seconds", nullable = false)
    private long rentalDurationSeconds;

    @Column(name = "registration", nullable = false)
    private boolean registration;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Content() {
    }

    public Content(ContentId id, String contentKeyHex, String ivHex, Duration tokenLifetime,
                   Duration rentalDuration, boolean registration, Instant createdAt) {
        this.contentId = Objects.requireNonNull(id).value();
        this.contentKeyHex = requireHex16(contentKeyHex, "content key");
        this.ivHex = requireHex16(ivHex, "IV");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(MAX_TOKEN_LIFETIME) > 0) {
            throw new IllegalArgumentException("token lifetime must be between 1 second and 30 days");
        }
        if (rentalDuration.isNegative()) {
            throw new IllegalArgumentException("rental duration cannot be negative");
        }
        this.tokenLifetimeSeconds = tokenLifetime.toSeconds();
        this.rentalDurationSeconds = rentalDuration.toSeconds();
        this.registration = registration;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    private static String requireHex16(String hex, String what) {
        if (hex == null || hex.length() != 32 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException(what + " must be 32 hex digits");
        }
        return hex.toLowerCase(java.util.Locale.ROOT);
    }

    public ContentId id() {
        return new ContentId(contentId);
    }

    public KeyMaterial keyMaterial() {
        return new KeyMaterial(contentKeyHex, ivHex);
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
}
