package dev.tether.content;

import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.audit.Decisions;
import dev.tether.audit.RecordsRefusals;
import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The admin's catalog: create, update and retire titles, and re-wrap every key under the active
 * master key. Keys arrive in hex, are wrapped at once and appear in no answer, log or audit event;
 * the audit detail records policy versions and master key ids. A title refuses a change once
 * retired. Each step opens its decision before its first check, so that a refused step (a title
 * that exists, is unknown or is retired) leaves its one event with the admin as actor, as a
 * granted one does. One transaction per use case.
 */
@ApplicationScoped
@RecordsRefusals
public class ContentAdministration {

    @Inject
    ContentCatalog catalog;

    @Inject
    ContentKeys keys;

    @Inject
    AuditTrail audit;

    @Inject
    Decisions decisions;

    @Transactional
    public List<ContentView> list() {
        return catalog.all().stream().map(ContentView::of).toList();
    }

    @Transactional
    public ContentView find(ContentId id) {
        return ContentView.of(existing(id));
    }

    @Transactional
    public ContentView create(UserId admin, ContentRequests.Create body) {
        ContentId id = new ContentId(body.contentId());
        Instant now = Instant.now();
        Decision decision = open(AuditType.CONTENT_CREATED, admin, id);
        if (catalog.find(id).isPresent()) {
            throw new RefusedException(ContentRefusal.CONTENT_EXISTS, "Content " + id + " exists; update it instead.");
        }
        ContentPolicy policy = policy(
                body.tokenLifetimeSeconds(),
                body.rentalDurationSeconds(),
                body.requiredGroup(),
                body.deviceBindingRequired());
        List<DrmRights> drms = body.drms() == null ? List.of(DrmRights.fairPlay()) : DrmEntries.of(body.drms());
        Content content = new Content(id, keys.wrap(body.key(), id), body.iv(), policy, drms, body.registration(), now);
        catalog.add(content);
        audit.record(describe(decision, content).granted(now).build());
        return ContentView.of(content);
    }

    @Transactional
    public ContentView update(UserId admin, ContentId id, ContentRequests.Update body) {
        Instant now = Instant.now();
        Decision decision = open(AuditType.CONTENT_UPDATED, admin, id);
        Content content = existing(id);
        ContentPolicy policy = policy(
                body.tokenLifetimeSeconds(),
                body.rentalDurationSeconds(),
                body.requiredGroup(),
                body.deviceBindingRequired());
        content.update(
                policy,
                Optional.ofNullable(body.key()).map(k -> keys.wrap(k, id)),
                Optional.ofNullable(body.iv()),
                Optional.ofNullable(body.drms()).map(DrmEntries::of),
                now);
        describe(decision, content);
        decision.detail().put("keyChanged", body.key() != null).put("ivChanged", body.iv() != null);
        audit.record(decision.granted(now).build());
        return ContentView.of(content);
    }

    @Transactional
    public ContentView retire(UserId admin, ContentId id) {
        Instant now = Instant.now();
        Decision decision = open(AuditType.CONTENT_RETIRED, admin, id);
        Content content = existing(id);
        content.retire(now);
        audit.record(describe(decision, content).granted(now).build());
        return ContentView.of(content);
    }

    /**
     * Opens every key under whichever master key wrapped it and wraps it again under the active
     * one, in one transaction: either every title moves or none does. After it, master keys that
     * wrap nothing can be dropped from the configuration.
     */
    @Transactional
    public RewrapView rewrapAll(UserId admin) {
        int moved = 0;
        int current = 0;
        for (Content content : catalog.all()) {
            WrappedKey wrapped = content.wrappedKey();
            if (!keys.isStale(wrapped)) {
                current++;
                continue;
            }
            content.rewrap(keys.wrap(keys.unwrapHex(wrapped, content.id()), content.id()));
            moved++;
        }
        Decision decision =
                decisions.open(AuditType.CONTENT_KEYS_REWRAPPED).user(admin).actor(admin);
        decision.detail()
                .put("activeMasterKey", keys.activeId())
                .put("rewrapped", moved)
                .put("alreadyCurrent", current);
        audit.record(decision.granted(Instant.now()).build());
        return new RewrapView(keys.activeId(), moved, current);
    }

    private Content existing(ContentId id) {
        return catalog.find(id)
                .orElseThrow(() -> new RefusedException(ContentRefusal.UNKNOWN_CONTENT, "No content " + id + "."));
    }

    private static ContentPolicy policy(long tokenSeconds, long rentalSeconds, String group, boolean bindingRequired) {
        return new ContentPolicy(
                Duration.ofSeconds(tokenSeconds),
                Duration.ofSeconds(rentalSeconds),
                Optional.ofNullable(group),
                bindingRequired);
    }

    /** The admin's decision of {@code type} about the title {@code id}, open before its first check. */
    private Decision open(AuditType type, UserId admin, ContentId id) {
        return decisions.open(type).user(admin).actor(admin).content(id);
    }

    /** The decision, its detail naming the title's policy version, window, group and master key. */
    private static Decision describe(Decision decision, Content content) {
        ContentPolicy policy = content.policy();
        decision.detail()
                .put("policyVersion", content.policyVersion())
                .put("tokenLifetime", policy.tokenLifetime())
                .put("rentalDuration", policy.rentalDuration())
                .put("requiredGroup", policy.requiredGroup().orElse(null))
                .put("deviceBindingRequired", policy.deviceBindingRequired())
                .put("masterKeyId", content.wrappedKey().masterKeyId())
                .put(
                        "drms",
                        String.join(
                                ",",
                                content.drms().stream()
                                        .map(rights -> rights.drm().wire())
                                        .toList()));
        return decision;
    }
}
