package dev.tether.streams;

import dev.tether.audit.AuditTrail;
import dev.tether.audit.AuditType;
import dev.tether.audit.Decision;
import dev.tether.audit.Decisions;
import dev.tether.audit.RecordsRefusals;
import dev.tether.platform.IdSyntax;
import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Admins' stream policies (per user, per SSO group) and the figures of the streams. One transaction per use case. */
@ApplicationScoped
@RecordsRefusals
public class StreamAdministration {

    /** A group name as the SSO's tokens carry it. */
    public static final String GROUP_PATTERN = IdSyntax.CHARACTERS + "{1,128}";

    @Inject
    PolicyOverrides overrides;

    @Inject
    StreamSettings settings;

    @Inject
    Leases leases;

    @Inject
    StreamStats stats;

    @Inject
    AuditTrail audit;

    @Inject
    Decisions decisions;

    @Transactional
    public List<PolicyView> policies() {
        return overrides.all().stream().map(PolicyView::of).toList();
    }

    /** The policy that applies to the caller, and how many of their streams run. */
    @Transactional
    public EffectivePolicyView effective(UserId user, Set<String> groups) {
        return EffectivePolicyView.of(overrides.resolve(user, groups), leases.countRunning(user, Instant.now()));
    }

    @Transactional
    public PolicyView setForUser(UserId admin, UserId user, PolicyRequest body) {
        return set(admin, PolicyOverride.userSubject(user), body);
    }

    @Transactional
    public PolicyView setForGroup(UserId admin, String group, PolicyRequest body) {
        return set(admin, PolicyOverride.groupSubject(group(group)), body);
    }

    @Transactional
    public void clearForUser(UserId admin, UserId user) {
        clear(admin, PolicyOverride.userSubject(user));
    }

    @Transactional
    public void clearForGroup(UserId admin, String group) {
        clear(admin, PolicyOverride.groupSubject(group(group)));
    }

    @Transactional
    public StreamStats.View stats() {
        return new StreamStats.View(
                leases.countAllRunning(Instant.now()),
                stats.heartbeats(),
                stats.heartbeatsPerSecond(),
                stats.refusals(),
                stats.stopOldestEndings());
    }

    /** Running leases are left alone: a lowered limit refuses new streams, it stops none. */
    private PolicyView set(UserId admin, String subject, PolicyRequest body) {
        Instant now = Instant.now();
        Decision decision = decisions.open(AuditType.STREAM_POLICY_SET).actor(admin.value());
        subjectOf(decision, subject);
        StreamMode mode = StreamMode.of(body.mode())
                .orElseThrow(() ->
                        new RefusedException(StreamRefusal.INVALID_POLICY, "mode must be block-new or stop-oldest."));
        Optional<PolicyOverride> existing = overrides.find(subject);
        PolicyOverride override = existing.orElseGet(() -> PolicyOverride.forSubject(subject));
        try {
            override.set(
                    body.maxStreams(),
                    mode,
                    Optional.ofNullable(body.heartbeatInterval()).map(s -> Duration.ofSeconds(s)),
                    Optional.ofNullable(body.grace()),
                    settings.defaults(),
                    admin,
                    now);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(
                    StreamRefusal.INVALID_POLICY, "The policy is out of bounds: " + e.getMessage() + ".");
        }
        if (existing.isEmpty()) {
            overrides.add(override);
        }
        decision.detail()
                .put("maxStreams", body.maxStreams())
                .put("mode", mode.text())
                .put("heartbeatInterval", body.heartbeatInterval() == null ? "default" : body.heartbeatInterval() + "s")
                .put("grace", body.grace() == null ? "default" : String.valueOf(body.grace()));
        audit.record(decision.granted(now).build());
        return PolicyView.of(override);
    }

    private void clear(UserId admin, String subject) {
        Instant now = Instant.now();
        Decision decision = decisions.open(AuditType.STREAM_POLICY_SET).actor(admin.value());
        subjectOf(decision, subject);
        Optional<PolicyOverride> existing = overrides.find(subject);
        existing.ifPresent(overrides::remove);
        decision.detail().put("cleared", true).put("existed", existing.isPresent());
        audit.record(decision.granted(now).build());
    }

    private static void subjectOf(Decision decision, String subject) {
        decision.detail().put("subject", subject);
        if (subject.startsWith("user:")) {
            decision.user(subject.substring("user:".length()));
        }
    }

    private static String group(String text) {
        if (text == null || !text.matches(GROUP_PATTERN)) {
            throw new RefusedException(
                    StreamRefusal.INVALID_POLICY, "A group name is 1 to 128 " + IdSyntax.CHARACTERS_TEXT + ".");
        }
        return text;
    }
}
