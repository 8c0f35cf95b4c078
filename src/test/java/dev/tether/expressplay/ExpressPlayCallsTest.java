package dev.tether.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpressPlayCallsTest {

    private static final Instant NOW = Instant.parse("2026-04-14T12:00:00.250Z");

    @Test
    void expirationTimesAreSentAsSecondsFromNow() {
        assertEquals("+3600", ExpressPlayCalls.relative(NOW.plus(Duration.ofHours(1)), NOW));
        assertEquals("+2592000", ExpressPlayCalls.relative(NOW.plus(Duration.ofDays(30)), NOW));
        // A retry late in a short window still asks for the time left, never for none.
        assertEquals("+2", ExpressPlayCalls.relative(NOW.plusMillis(2_900), NOW));
        assertEquals("+1", ExpressPlayCalls.relative(NOW.minusSeconds(5), NOW));
    }
}
