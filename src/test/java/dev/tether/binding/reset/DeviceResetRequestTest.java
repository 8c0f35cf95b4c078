package dev.tether.binding.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DeviceResetRequestTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final UserId USER = new UserId("alice");
    private static final UserId FIRST = new UserId("admin-1");
    private static final UserId SECOND = new UserId("admin-2");

    private static DeviceResetRequest request() {
        return new DeviceResetRequest(USER, FIRST, "phantom devices after reinstall", T0, Duration.ofHours(1));
    }

    @Test
    void theRequesterCannotDecideTheirOwnRequest() {
        DeviceResetRequest request = request();
        int[] resets = {0};
        assertRefused(ResetRefusal.SAME_ADMIN, () -> request.approve(FIRST, "ok", T0, () -> ++resets[0]));
        assertEquals(0, resets[0], "nothing was reset");
        assertRefused(ResetRefusal.SAME_ADMIN, () -> request.reject(FIRST, "no", T0));

        request.approve(SECOND, "ok", T0, () -> 2);
        assertEquals(ResetStatus.APPROVED, request.status(T0));
        assertEquals(2, request.devicesReset());
    }

    @Test
    void aRequestExpiresAtItsDeadline() {
        DeviceResetRequest request = request();
        Instant deadline = T0.plus(Duration.ofHours(1));
        assertEquals(ResetStatus.PENDING, request.status(deadline.minusSeconds(1)));
        assertEquals(ResetStatus.EXPIRED, request.status(deadline));
        assertRefused(ResetRefusal.EXPIRED, () -> request.approve(SECOND, "late", deadline, () -> 0));
    }

    @Test
    void aRequestIsDecidedOnce() {
        DeviceResetRequest request = request();
        request.reject(SECOND, "the user still has these devices", T0);
        assertEquals(ResetStatus.REJECTED, request.status(T0));
        assertRefused(ResetRefusal.ALREADY_DECIDED, () -> request.approve(new UserId("admin-3"), "ok", T0, () -> 1));
        assertRefused(ResetRefusal.ALREADY_DECIDED, () -> request.reject(FIRST, "no", T0));
    }

    @Test
    void aRejectionNeedsAReason() {
        assertThrows(IllegalArgumentException.class, () -> request().reject(SECOND, "", T0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new DeviceResetRequest(USER, FIRST, " ", T0, Duration.ofHours(1)));
    }

    private static void assertRefused(ResetRefusal reason, Executable action) {
        assertEquals(reason, assertThrows(RefusedException.class, action).reason());
    }
}
