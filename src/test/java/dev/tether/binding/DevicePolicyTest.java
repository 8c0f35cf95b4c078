package dev.tether.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevicePolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration COOLDOWN = Duration.ofDays(30);

    @Test
    void theLimitAdmitsUpToItsValueAndNoMore() {
        assertTrue(DevicePolicy.admitsAnother(2, 3));
        assertFalse(DevicePolicy.admitsAnother(3, 3));
        assertFalse(DevicePolicy.admitsAnother(5, 3), "a lowered limit leaves extra devices but admits none");
        assertFalse(DevicePolicy.admitsAnother(0, 0), "zero blocks new devices");
    }

    @Test
    void anOverrideReplacesTheDefaultUntilCleared() {
        DevicePolicy policy = new DevicePolicy(new UserId("alice"));
        assertEquals(3, policy.limit(3));
        policy.override(Optional.of(5));
        assertEquals(5, policy.limit(3));
        policy.override(Optional.empty());
        assertEquals(3, policy.limit(3));
        assertThrows(IllegalArgumentException.class, () -> policy.override(Optional.of(-1)));
        assertThrows(IllegalArgumentException.class, () -> policy.override(Optional.of(DevicePolicy.MAX_LIMIT + 1)));
    }

    @Test
    void oneRemovalPerCooldown() {
        DevicePolicy policy = new DevicePolicy(new UserId("alice"));
        assertEquals(Optional.empty(), policy.nextRemovalAt(COOLDOWN, T0), "never removed: may remove now");

        policy.removed(COOLDOWN, T0);

        Instant next = T0.plus(COOLDOWN);
        assertEquals(Optional.of(next), policy.nextRemovalAt(COOLDOWN, T0.plusSeconds(1)));
        assertEquals(Optional.of(next), policy.nextRemovalAt(COOLDOWN, next.minusSeconds(1)));
        RefusedException refused =
                assertThrows(RefusedException.class, () -> policy.removed(COOLDOWN, next.minusSeconds(1)));
        assertEquals(DeviceRefusal.REMOVAL_COOLDOWN, refused.reason());
        assertEquals(Optional.of(next), refused.notBefore());
        assertEquals(
                "You can remove one device every 30 days; your next removal is possible at " + next + ".",
                refused.detail());
        assertEquals(Optional.empty(), policy.nextRemovalAt(COOLDOWN, next), "the cooldown ends exactly at its end");
        policy.removed(COOLDOWN, next);
        assertEquals(Optional.of(next.plus(COOLDOWN)), policy.nextRemovalAt(COOLDOWN, next));
    }

    @Test
    void aShorterConfiguredCooldownAppliesToPastRemovals() {
        DevicePolicy policy = new DevicePolicy(new UserId("alice"));
        policy.removed(COOLDOWN, T0);
        assertEquals(Optional.empty(), policy.nextRemovalAt(Duration.ofDays(7), T0.plus(Duration.ofDays(8))));
    }
}
