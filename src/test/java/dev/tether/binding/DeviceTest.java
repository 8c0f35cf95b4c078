package dev.tether.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.content.ContentId;
import dev.tether.platform.RefusedException;
import dev.tether.security.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DeviceTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final UserId ALICE = new UserId("alice");
    private static final UserId ADMIN = new UserId("root");

    private static Device device() {
        return new Device(ALICE, new DeviceId("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), T0);
    }

    @Test
    void lastSeenIsWrittenDownOnceAMinuteForTheSameTitleAndAtOnceForAnother() {
        Device device = device();
        ContentId movie = new ContentId("demo-movie");
        device.seen(movie, T0);

        assertFalse(device.needsTouch(movie, T0.plusSeconds(59)));
        assertTrue(device.needsTouch(movie, T0.plus(Device.LAST_SEEN_RESOLUTION)));
        assertTrue(device.needsTouch(new ContentId("demo-preview"), T0.plusSeconds(1)));
    }

    @Test
    void aRemovedDeviceComesBackAsANewOne() {
        Device device = device();
        device.rename("Kitchen iPad");
        device.remove(T0.plusSeconds(10));
        assertEquals(DeviceStatus.REMOVED, device.status());
        assertThrows(IllegalStateException.class, () -> device.rename("x"));

        device.reactivate(T0.plusSeconds(20));

        assertEquals(DeviceStatus.ACTIVE, device.status());
        assertEquals(Optional.empty(), device.label());
        assertEquals(T0.plusSeconds(20), device.firstBoundAt());
    }

    @Test
    void revocationWinsOverRemovalAndNeedsAReason() {
        Device device = device();
        assertThrows(IllegalArgumentException.class, () -> device.revoke(ADMIN, " ", T0));
        device.revoke(ADMIN, "reported stolen", T0);
        assertEquals(DeviceStatus.REVOKED, device.status());
        assertRefused(DeviceRefusal.DEVICE_REVOKED, () -> device.remove(T0), "a user cannot remove a block");
        assertRefused(DeviceRefusal.DEVICE_REVOKED, () -> device.rename("mine"), "nor rename it");
        assertThrows(IllegalStateException.class, () -> device.reactivate(T0), "nor register it back");
        assertRefused(DeviceRefusal.ALREADY_REVOKED, () -> device.revoke(ADMIN, "again", T0), "revoked once");

        device.restore(0, 3);
        assertTrue(device.isActive());
        assertRefused(DeviceRefusal.NOT_REVOKED, () -> device.restore(0, 3), "restored once");
    }

    @Test
    void aRestoredDeviceMustFitUnderTheLimitUnlessItStaysRemoved() {
        Device device = device();
        device.revoke(ADMIN, "suspected sharing", T0);
        assertRefused(DeviceRefusal.DEVICE_LIMIT_REACHED, () -> device.restore(2, 2), "it would take a third slot");
        device.restore(1, 2);
        assertTrue(device.isActive());

        Device removed = device();
        removed.remove(T0);
        removed.revoke(ADMIN, "suspected sharing", T0);
        removed.restore(2, 2);
        assertEquals(DeviceStatus.REMOVED, removed.status(), "a removed device takes no slot");
    }

    @Test
    void labelsArePrintableAndShort() {
        Device device = device();
        assertThrows(IllegalArgumentException.class, () -> device.rename(""));
        assertThrows(IllegalArgumentException.class, () -> device.rename("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> device.rename("x".repeat(65)));
        device.rename("x".repeat(64));
    }

    private static void assertRefused(DeviceRefusal reason, Executable action, String why) {
        assertEquals(reason, assertThrows(RefusedException.class, action, why).reason(), why);
    }
}
