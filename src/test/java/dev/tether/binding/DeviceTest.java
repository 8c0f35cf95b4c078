package dev.tether.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.content.ContentId;
import dev.tether.security.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
        assertThrows(IllegalStateException.class, () -> device.remove(T0), "a user cannot remove a block");
        assertThrows(IllegalStateException.class, () -> device.reactivate(T0), "nor register it back");
        assertThrows(IllegalStateException.class, () -> device.revoke(ADMIN, "again", T0));

        device.restore();
        assertTrue(device.isActive());
        assertThrows(IllegalStateException.class, device::restore);
    }

    @Test
    void labelsArePrintableAndShort() {
        Device device = device();
        assertThrows(IllegalArgumentException.class, () -> device.rename(""));
        assertThrows(IllegalArgumentException.class, () -> device.rename("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> device.rename("x".repeat(65)));
        device.rename("x".repeat(64));
    }
}
