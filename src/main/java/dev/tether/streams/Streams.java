package dev.tether.streams;

import dev.tether.audit.AuditEvent;
import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.audit.RecordsRefusals;
import dev.tether.binding.DeviceId;
import dev.tether.binding.DevicePolicies;
import dev.tether.binding.Devices;
import dev.tether.content.ContentId;
import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lease use cases. Every change to a user's set of running leases (a start, an ending, an
 * expiry noticed) locks the user's device-policy row first, the lock device limits take, so that
 * concurrent starts on any number of instances are counted one after the other and never exceed
 * the limit. A renewal takes no such lock: it is one conditional update of its own row, which
 * cannot revive a lease another instance ended. Audit events are written last in each
 * transaction: the audit ledger's head is the last lock a transaction takes.
 */
@ApplicationScoped
@RecordsRefusals
public class Streams {

    @Inject
    Leases leases;

    @Inject
    PolicyOverrides overrides;

    @Inject
    StreamSettings settings;

    @Inject
    DevicePolicies devicePolicies;

    @Inject
    Devices devices;

    @Inject
    AuditTrail audit;

    @Inject
    StreamStats stats;

    @Inject
    StreamPeaks peaks;

    /** This bean's own proxy, so that {@link #admit} runs in its transaction when {@link #start} calls it. */
    @Inject
    Streams self;

    /**
     * Admits a new stream of {@code user} for a token that is about to be asked of ExpressPlay,
     * in a transaction of its own that commits before the call: the lease exists (and counts)
     * while the token is issued, and no lock is held across the call. The decision's detail gets
     * the admission's inputs: limit, running streams, mode, policy source, the lease. Over the
     * limit, {@code block-new} answers a refusal (the caller throws it) and {@code stop-oldest}
     * ends the oldest streams first.
     */
    public StreamStart start(
            Decision decision,
            UserId user,
            Set<String> groups,
            ContentId content,
            Optional<DeviceId> device,
            Instant now) {
        // A user's first admission finds no lock row: it is created in a transaction of its own
        // between two admission transactions, never while one holds a connection (many first
        // requests of one user at once would otherwise each wait for a second connection).
        Optional<StreamStart> admitted = self.startWithin(decision, user, groups, content, device, now);
        if (admitted.isPresent()) {
            return admitted.get();
        }
        devicePolicies.create(user);
        return self.admit(decision, user, groups, content, device, now)
                .orElseThrow(() -> new IllegalStateException("the user's lock row vanished"));
    }

    /**
     * The same admission (an exempt title opens no lease) in the caller's transaction, which then
     * also holds the user's lock until it commits, or in one of its own: the SEES use cases admit
     * the stream in the transaction that checked the title and the device, one transaction fewer
     * per token (issue 22). Empty when the user has no lock row yet: the caller then asks
     * {@link #start} after its transaction, which creates the row first.
     */
    @Transactional
    public Optional<StreamStart> startWithin(
            Decision decision,
            UserId user,
            Set<String> groups,
            ContentId content,
            Optional<DeviceId> device,
            Instant now) {
        if (settings.exemptContent().contains(content.value())) {
            decision.detail().put("streamExempt", true);
            return Optional.of(StreamStart.exempt());
        }
        return admit(decision, user, groups, content, device, now);
    }

    /** The admission itself, under the user's lock; empty when the user has no lock row yet. See {@link #start}. */
    @Transactional
    public Optional<StreamStart> admit(
            Decision decision,
            UserId user,
            Set<String> groups,
            ContentId content,
            Optional<DeviceId> device,
            Instant now) {
        if (devicePolicies.lockIfPresent(user).isEmpty()) {
            return Optional.empty();
        }
        Policy policy = overrides.resolve(user, groups);
        // One read of the user's unended leases, under the lock: those past their expiry are ended
        // here, the others are the running ones (issue 22: it was a query for each).
        List<Lease> unended = leases.unended(user);
        List<AuditEvent> events = new ArrayList<>(expire(unended, now));
        List<Lease> running =
                unended.stream().filter(l -> l.expiresAt().isAfter(now)).toList();
        decision.detail()
                .put("streamLimit", policy.limit())
                .put("streamsRunning", running.size())
                .put("streamMode", policy.mode().text())
                .put("streamPolicy", policy.source());
        if (!policy.admitsAnother(running.size()) && policy.toStop(running.size()) == 0) {
            record(events);
            stats.refused();
            return Optional.of(StreamStart.overLimit(policy.limit(), views(user, running)));
        }
        Lease lease = new Lease(user, device, content, policy, now);
        int stop = policy.toStop(running.size());
        for (Lease oldest : running.subList(0, stop)) {
            oldest.end(EndedBy.STOP_OLDEST, null, now);
            Decision ending = ending(oldest, EndedBy.STOP_OLDEST, null);
            ending.detail()
                    .put("byLease", lease.id())
                    .put("streamLimit", policy.limit())
                    .put("streamsRunning", running.size())
                    .put("streamMode", policy.mode().text())
                    .put("streamPolicy", policy.source());
            events.add(ending.granted(now).build());
            stats.stoppedOldest();
        }
        leases.add(lease);
        decision.detail().put("leaseId", lease.id()).put("streamsStopped", stop);
        peaks.raise(user, running.size() - stop + 1L, now);
        record(events);
        return Optional.of(StreamStart.started(new LeaseGrant(lease.id(), policy.heartbeatInterval()), policy.limit()));
    }

    /**
     * Deletes the leases of every user that stopped more than {@code tether.streams.retention}
     * before {@code now} ({@link LeasePurge} runs it on a schedule; an admission used to do it for
     * its own user, one statement more per token, and never for a user who did not come back).
     */
    @Transactional
    public int purgeStopped(Instant now) {
        return leases.purge(now.minus(settings.retention()));
    }

    /** Ends a lease whose token ExpressPlay did not issue: nothing plays, so nothing counts. Not audited: the grant's refusal is. */
    @Transactional
    public void abandon(LeaseGrant grant, Instant now) {
        leases.find(grant.leaseId()).ifPresent(lease -> lease.end(EndedBy.NOT_ISSUED, null, now));
    }

    /**
     * A player's heartbeat: renews its running lease, unaudited (it changes no decision). An
     * ended or expired lease is refused with {@link StreamRefusal#STREAM_ENDED}: the player stops.
     */
    @Transactional
    public HeartbeatView heartbeat(UserId user, String id) {
        Instant now = Instant.now();
        Lease lease = visible(user, id);
        Instant expiry = lease.expiry(now);
        if (!leases.renew(id, user, now, expiry)) {
            throw ended(lease);
        }
        stats.heartbeat();
        return new HeartbeatView(
                id, lease.heartbeatInterval().toSeconds(), expiry, leases.countRunning(user, now), lease.streamLimit());
    }

    /** The user's running streams, oldest first. */
    @Transactional
    public List<StreamView> running(UserId user) {
        return views(user, leases.running(user, Instant.now()));
    }

    /** Ends one of the user's own streams. */
    @Transactional
    public void endMine(UserId user, String id) {
        end(user, id, EndedBy.USER, null);
    }

    /** An admin ends any user's stream. */
    @Transactional
    public void endAny(UserId admin, UserId user, String id) {
        end(user, id, EndedBy.ADMIN, admin);
    }

    /**
     * Ends the running leases of a user's device (or of all their devices, for an empty device) in
     * the caller's transaction, after the user's lock; the events are returned for the caller's
     * decision to write before its own.
     */
    void endOn(UserId user, Optional<DeviceId> device, EndedBy by, UserId actor, Instant now) {
        devicePolicies.lock(user);
        List<AuditEvent> events = new ArrayList<>();
        for (Lease lease : leases.runningOn(user, device, now)) {
            lease.end(by, actor, now);
            events.add(ending(lease, by, actor).granted(now).build());
        }
        record(events);
    }

    private void end(UserId user, String id, EndedBy by, UserId actor) {
        Instant now = Instant.now();
        devicePolicies.lock(user);
        Lease lease = visible(user, id);
        if (!leases.refresh(lease) || !lease.isRunning(now)) {
            throw ended(lease);
        }
        lease.end(by, actor, now);
        audit.record(ending(lease, by, actor).granted(now).build());
    }

    /** Ends the leases of {@code unended} that expired without anyone noticing yet, under the user's lock, so that each expiry is audited once. */
    private List<AuditEvent> expire(List<Lease> unended, Instant now) {
        List<AuditEvent> events = new ArrayList<>();
        for (Lease lease :
                unended.stream().filter(l -> !l.expiresAt().isAfter(now)).toList()) {
            lease.end(EndedBy.EXPIRED, null, now);
            Decision expiry = ending(lease, AuditType.STREAM_EXPIRED, EndedBy.EXPIRED, null);
            expiry.detail().put("renewedAt", lease.renewedAt()).put("expiredAt", lease.expiresAt());
            events.add(expiry.granted(now).build());
        }
        return events;
    }

    private static Decision ending(Lease lease, EndedBy by, UserId actor) {
        return ending(lease, AuditType.STREAM_ENDED, by, actor);
    }

    private static Decision ending(Lease lease, AuditType type, EndedBy by, UserId actor) {
        Decision decision = new Decision(type)
                .user(lease.user().value())
                .actor(actor == null ? null : actor.value())
                .device(lease.device().map(DeviceId::value).orElse(null))
                .content(lease.content().value());
        decision.detail().put("leaseId", lease.id()).put("endedBy", by.text()).put("startedAt", lease.startedAt());
        return decision;
    }

    private void record(List<AuditEvent> events) {
        events.forEach(audit::record);
    }

    private Lease visible(UserId user, String id) {
        return leases.find(id)
                .filter(l -> l.belongsTo(user))
                .orElseThrow(
                        () -> new RefusedException(StreamRefusal.UNKNOWN_STREAM, "You have no stream " + id + "."));
    }

    private static RefusedException ended(Lease lease) {
        String why = switch (lease.stoppedBy()) {
            case USER -> "you ended it";
            case STOP_OLDEST ->
                "a newer stream of yours took its place (your plan's limit of " + lease.streamLimit() + " streams)";
            case ADMIN -> "an administrator ended it";
            case REVOCATION -> "its device was blocked by an administrator";
            case DEVICE_REMOVED -> "you removed its device";
            case RESET -> "your devices were reset";
            case DEPROVISIONED -> "your access was ended by your organisation's directory";
            case EXPIRED -> "its player stopped renewing it";
            case NOT_ISSUED -> "no license was issued for it";
        };
        return new RefusedException(
                StreamRefusal.STREAM_ENDED,
                "This stream ended at " + lease.stoppedAt() + ": " + why
                        + ". Stop playing; ask for a new license to play again.");
    }

    private List<StreamView> views(UserId user, List<Lease> running) {
        return running.stream()
                .map(lease -> StreamView.of(
                        lease,
                        lease.device()
                                .flatMap(d -> devices.find(user, d))
                                .flatMap(d -> d.label())
                                .orElse(null)))
                .toList();
    }
}
