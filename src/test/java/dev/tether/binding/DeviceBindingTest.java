package dev.tether.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.security.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceBindingTest {

    private static final Instant NOW = Instant.parse("2026-04-14T12:00:00Z");
    private static final UserId ALICE = new UserId("alice");
    private static final DeviceId DEVICE_A = new DeviceId("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    private static final DeviceId DEVICE_B = new DeviceId("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

    private final DeviceBinding binding = DeviceBinding.register(Cookie.mint(), ALICE, NOW, Duration.ofDays(30));

    @Test
    void aNewBindingIsPendingAndBelongsToItsUser() {
        assertEquals(BindingStatus.PENDING, binding.status());
        assertEquals(Optional.empty(), binding.deviceId());
        assertTrue(binding.belongsTo(ALICE));
        assertFalse(binding.belongsTo(new UserId("bob")));
    }

    @Test
    void itExpiresAtTheEndOfItsLifetime() {
        assertFalse(binding.isExpired(NOW.plus(Duration.ofDays(30)).minusSeconds(1)));
        assertTrue(binding.isExpired(NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void itResolvesOnceToOneDevice() {
        binding.resolve(DEVICE_A, NOW);
        binding.resolve(DEVICE_A, NOW.plusSeconds(5));

        assertEquals(BindingStatus.RESOLVED, binding.status());
        assertEquals(Optional.of(DEVICE_A), binding.deviceId());
        assertThrows(IllegalStateException.class, () -> binding.resolve(DEVICE_B, NOW));
    }

    @Test
    void aBindingNeedsAPositiveLifetime() {
        assertThrows(
                IllegalArgumentException.class, () -> DeviceBinding.register(Cookie.mint(), ALICE, NOW, Duration.ZERO));
    }
}
