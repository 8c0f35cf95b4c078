package dev.tether.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.security.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
        assertEquals(Optional.of(DeviceResetRequest.Refusal.SAME_ADMIN), request.refusalFor(FIRST, T0));
        assertThrows(IllegalStateException.class, () -> request.approve(FIRST, "ok", 0, T0));
        assertEquals(Optional.empty(), request.refusalFor(SECOND, T0));
    }

    @Test
    void aRequestExpiresAtItsDeadline() {
        DeviceResetRequest request = request();
        Instant deadline = T0.plus(Duration.ofHours(1));
        assertEquals(ResetStatus.PENDING, request.status(deadline.minusSeconds(1)));
        assertEquals(ResetStatus.EXPIRED, request.status(deadline));
        assertEquals(Optional.of(DeviceResetRequest.Refusal.EXPIRED), request.refusalFor(SECOND, deadline));
    }

    @Test
    void aRequestIsDecidedOnce() {
        DeviceResetRequest request = request();
        request.reject(SECOND, "the user still has these devices", T0);
        assertEquals(ResetStatus.REJECTED, request.status(T0));
        assertEquals(Optional.of(DeviceResetRequest.Refusal.ALREADY_DECIDED), request.refusalFor(new UserId("admin-3"), T0));
        assertThrows(IllegalStateException.class, () -> request.approve(new UserId("admin-3"), "ok", 1, T0));
    }

    @Test
    void aRejectionNeedsAReason() {
        assertThrows(IllegalArgumentException.class, () -> request().reject(SECOND, "", T0));
        assertThrows(IllegalArgumentException.class,
                () -> new DeviceResetRequest(USER, FIRST, " ", T0, Duration.ofHours(1)));
    }
}
