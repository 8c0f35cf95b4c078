package dev.tether.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.security.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private static final Policy DEFAULTS =
            Policy.of(3, StreamMode.BLOCK_NEW, Duration.ofSeconds(60), 3, Policy.DEFAULT_SOURCE);
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void blockNewAdmitsBelowTheLimitAndStopsNothing() {
        assertTrue(DEFAULTS.admitsAnother(2));
        assertFalse(DEFAULTS.admitsAnother(3));
        assertEquals(0, DEFAULTS.toStop(3));
        assertEquals(0, DEFAULTS.toStop(7));
    }

    @Test
    void stopOldestEndsJustEnoughOfTheOldestToMakeRoomForOne() {
        Policy stopOldest = Policy.of(2, StreamMode.STOP_OLDEST, Duration.ofSeconds(60), 3, "user");
        assertEquals(0, stopOldest.toStop(1));
        assertEquals(1, stopOldest.toStop(2));
        assertEquals(3, stopOldest.toStop(4), "after a lowered limit, down to one below it");
    }

    @Test
    void aLimitOfZeroAdmitsNoStreamWhateverTheMode() {
        Policy none = Policy.of(0, StreamMode.STOP_OLDEST, Duration.ofSeconds(60), 3, "user");
        assertFalse(none.admitsAnother(0));
        assertEquals(0, none.toStop(0));
    }

    @Test
    void theLeaseLifetimeIsTheIntervalTimesTheGrace() {
        assertEquals(Duration.ofMinutes(3), DEFAULTS.leaseLifetime());
    }

    @Test
    void outOfBoundsPoliciesCannotBeMade() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Policy.of(-1, StreamMode.BLOCK_NEW, Duration.ofSeconds(60), 3, "x"));
        assertThrows(IllegalArgumentException.class, () -> Policy.of(1, StreamMode.BLOCK_NEW, Duration.ZERO, 3, "x"));
        assertThrows(
                IllegalArgumentException.class,
                () -> Policy.of(1, StreamMode.BLOCK_NEW, Duration.ofSeconds(60), 0, "x"));
    }

    @Test
    void theMostGenerousOverrideWinsAndTheDefaultOnlyWhenNoneApplies() {
        PolicyOverride user = override(PolicyOverride.userSubject(new UserId("anna")), 1, StreamMode.BLOCK_NEW);
        PolicyOverride family = override(PolicyOverride.groupSubject("family"), 5, StreamMode.STOP_OLDEST);
        PolicyOverride basic = override(PolicyOverride.groupSubject("basic"), 2, StreamMode.BLOCK_NEW);

        assertEquals(DEFAULTS, PolicyOverrides.choose(DEFAULTS, List.of()));
        Policy lowered = PolicyOverrides.choose(DEFAULTS, List.of(user));
        assertEquals(1, lowered.limit(), "a user's override may be below the default");
        assertEquals("user", lowered.source());
        Policy generous = PolicyOverrides.choose(DEFAULTS, List.of(basic, user, family));
        assertEquals(5, generous.limit());
        assertEquals(StreamMode.STOP_OLDEST, generous.mode(), "the winner's mode comes with it");
        assertEquals("group:family", generous.source());
        assertEquals(Duration.ofSeconds(60), generous.heartbeatInterval(), "unset values are the default's");
    }

    @Test
    void onATieTheUsersOwnOverrideWins() {
        PolicyOverride user = override(PolicyOverride.userSubject(new UserId("anna")), 2, StreamMode.STOP_OLDEST);
        PolicyOverride group = override(PolicyOverride.groupSubject("basic"), 2, StreamMode.BLOCK_NEW);
        assertEquals(
                "user", PolicyOverrides.choose(DEFAULTS, List.of(group, user)).source());
    }

    @Test
    void anOverrideKeepsItsOwnIntervalAndGrace() {
        PolicyOverride quick = PolicyOverride.forSubject(PolicyOverride.userSubject(new UserId("anna")));
        quick.set(
                1,
                StreamMode.BLOCK_NEW,
                Optional.of(Duration.ofSeconds(1)),
                Optional.of(2),
                DEFAULTS,
                new UserId("admin"),
                NOW);
        Policy policy = quick.over(DEFAULTS);
        assertEquals(Duration.ofSeconds(1), policy.heartbeatInterval());
        assertEquals(2, policy.grace());
        assertThrows(
                IllegalArgumentException.class,
                () -> quick.set(
                        1, StreamMode.BLOCK_NEW, Optional.empty(), Optional.of(0), DEFAULTS, new UserId("admin"), NOW));
    }

    private static PolicyOverride override(String subject, int limit, StreamMode mode) {
        PolicyOverride o = PolicyOverride.forSubject(subject);
        o.set(limit, mode, Optional.empty(), Optional.empty(), DEFAULTS, new UserId("admin"), NOW);
        return o;
    }
}
