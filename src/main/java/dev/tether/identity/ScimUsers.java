package dev.tether.identity;

import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.audit.Decisions;
import dev.tether.audit.RecordsRefusals;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SCIM use cases, one transaction each, audited with the provisioning client as actor. Ending
 * a user's access (deactivation or deletion) fires {@link UserDeprovisioned} inside the
 * transaction, so the user's devices, bindings and cookies end with it; re-activation restores
 * access only: removed devices register again.
 */
@ApplicationScoped
@RecordsRefusals
public class ScimUsers {

    @Inject
    UserDirectory directory;

    @Inject
    Decisions decisions;

    @Inject
    AuditTrail audit;

    @Inject
    Event<UserDeprovisioned> deprovisioned;

    @Transactional
    public Optional<DirectoryUser> find(String id) {
        return directory.find(id);
    }

    /** The users of {@code userName eq "..."} (at most one), or a page of all. */
    @Transactional
    public Page search(Optional<UserId> userName, int startIndex, int count) {
        if (userName.isPresent()) {
            List<DirectoryUser> found = directory.byUserName(userName.get()).stream()
                    .filter(u -> !u.isDeleted())
                    .toList();
            return new Page(startIndex > 1 || count == 0 ? List.of() : found, found.size());
        }
        return new Page(directory.page(startIndex - 1, count), directory.count());
    }

    /** One page of a search, and how many users matched in all. */
    public record Page(List<DirectoryUser> users, long total) {}

    /** POST: a new user, or the same user again after a deletion; an existing user is a conflict. */
    @Transactional
    public DirectoryUser create(String actor, ScimUser body) {
        Instant now = Instant.now();
        UserId user = new UserId(body.userName());
        Decision decision =
                decisions.open(AuditType.USER_PROVISIONED).user(user).actor(actor);
        Optional<DirectoryUser> existing = directory.byUserName(user);
        DirectoryUser created;
        if (existing.isPresent() && !existing.get().isDeleted()) {
            throw new ScimRefusedException(ScimRefusal.UNIQUENESS, "A user with this userName exists already.");
        } else if (existing.isPresent()) {
            created = existing.get();
            created.recreate(body.externalId(), body.displayName(), now);
            decision.detail().put("recreated", true);
        } else {
            created = new DirectoryUser(user, body.externalId(), body.displayName(), now);
            try {
                directory.add(created);
            } catch (PersistenceException e) {
                // A concurrent POST of the same userName won the unique key.
                throw new ScimRefusedException(ScimRefusal.UNIQUENESS, "A user with this userName exists already.");
            }
        }
        decision.detail()
                .put("scimId", created.id())
                .put("active", body.active().orElse(true));
        boolean ending = !body.active().orElse(true) && created.deactivate(now);
        // A user Tether served before the directory named them may hold devices already.
        finish(decision, actor, created, ending, false, now);
        return created;
    }

    /** PUT: the directory's attributes replaced; userName is the SSO subject and cannot change. */
    @Transactional
    public DirectoryUser replace(String actor, String id, ScimUser body) {
        Instant now = Instant.now();
        DirectoryUser user = locked(id);
        Decision decision =
                decisions.open(AuditType.USER_UPDATED).user(user.user()).actor(actor);
        decision.detail().put("scimId", id);
        if (!user.user().value().equals(body.userName())) {
            throw new ScimRefusedException(
                    ScimRefusal.MUTABILITY, "userName is the SSO subject of the user and cannot change.");
        }
        user.replace(body.externalId(), body.displayName(), now);
        return applyActive(decision, actor, user, body.active().orElse(true), now);
    }

    /** PATCH: the operations' changes applied together. */
    @Transactional
    public DirectoryUser patch(String actor, String id, ScimPatch patch) {
        Instant now = Instant.now();
        DirectoryUser user = locked(id);
        Decision decision =
                decisions.open(AuditType.USER_UPDATED).user(user.user()).actor(actor);
        decision.detail().put("scimId", id);
        user.replace(
                patch.externalId()
                        .map(ScimUsers::orNull)
                        .orElse(user.externalId().orElse(null)),
                patch.displayName()
                        .map(ScimUsers::orNull)
                        .orElse(user.displayName().orElse(null)),
                now);
        return applyActive(decision, actor, user, patch.active().orElse(user.isActive()), now);
    }

    /** DELETE: access ends as on deactivation, and the user is no longer found. */
    @Transactional
    public void delete(String actor, String id) {
        Instant now = Instant.now();
        DirectoryUser user = locked(id);
        Decision decision =
                decisions.open(AuditType.USER_DELETED).user(user.user()).actor(actor);
        decision.detail().put("scimId", id);
        boolean ending = user.delete(now);
        finish(decision, actor, user, ending, false, now);
    }

    private DirectoryUser applyActive(
            Decision decision, String actor, DirectoryUser user, boolean active, Instant now) {
        boolean ending = !active && user.deactivate(now);
        boolean restoring = active && user.activate(now);
        if (ending) {
            decision = decision.about(AuditType.USER_DEPROVISIONED);
        } else if (restoring) {
            decision = decision.about(AuditType.USER_REACTIVATED);
        }
        decision.detail().put("scimId", user.id());
        finish(decision, actor, user, ending, restoring, now);
        return user;
    }

    /**
     * Writes the user's change, lets every observer end what it holds for a user whose access
     * ended, then records the decision: the audit ledger's head is the last lock a transaction takes.
     */
    private void finish(
            Decision decision, String actor, DirectoryUser user, boolean ending, boolean restoring, Instant now) {
        directory.flush();
        if (ending) {
            deprovisioned.fire(new UserDeprovisioned(user.user(), actor, decision, now));
        }
        decision.detail().put("accessEnded", ending).put("accessRestored", restoring);
        audit.record(decision.granted(now).build());
    }

    private DirectoryUser locked(String id) {
        return directory.lock(id).orElseThrow(() -> notFound(id));
    }

    static ScimRefusedException notFound(String id) {
        return new ScimRefusedException(ScimRefusal.NOT_FOUND, "There is no user " + id + ".");
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
