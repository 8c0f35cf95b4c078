package dev.tether.content;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentPolicyTest {

    @Test
    void bothDurationsAreCappedAtExpressPlaysThirtyDays() {
        Duration month = Duration.ofDays(30);
        assertDoesNotThrow(() -> ContentPolicy.open(month, month));
        assertThrows(IllegalArgumentException.class, () -> ContentPolicy.open(month.plusSeconds(1), Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class, () -> ContentPolicy.open(Duration.ofHours(1), month.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> ContentPolicy.open(Duration.ZERO, Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class, () -> ContentPolicy.open(Duration.ofHours(1), Duration.ofSeconds(-1)));
    }

    @Test
    void aRequiredGroupAdmitsOnlyItsMembers() {
        ContentPolicy premium = new ContentPolicy(Duration.ofHours(1), Duration.ZERO, Optional.of("premium"), false);
        assertTrue(premium.admits(Set.of("subscriber", "premium")));
        assertFalse(premium.admits(Set.of("subscriber")));
        assertTrue(ContentPolicy.open(Duration.ofHours(1), Duration.ZERO).admits(Set.of()), "no group: any subscriber");
    }
}
