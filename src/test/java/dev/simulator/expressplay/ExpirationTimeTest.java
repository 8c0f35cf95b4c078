package dev.simulator.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpirationTimeTest {

    private static final Instant NOW = Instant.parse("2026-04-14T12:00:00Z");

    @Test
    void rfc3339InUtcIsAnInstant() {
        assertEquals(
                Optional.of(Instant.parse("2026-04-14T12:01:10Z")), ExpirationTime.parse("2026-04-14T12:01:10Z", NOW));
    }

    @Test
    void plusSecondsIsRelativeToNow() {
        assertEquals(Optional.of(NOW.plusSeconds(90)), ExpirationTime.parse("+90", NOW));
    }

    @Test
    void absentMeansThirtyDays() {
        assertEquals(Optional.of(NOW.plus(Duration.ofDays(30))), ExpirationTime.parse(null, NOW));
    }

    @Test
    void exactlyThirtyDaysIsAccepted() {
        assertTrue(
                ExpirationTime.parse("+" + Duration.ofDays(30).toSeconds(), NOW).isPresent());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+2592002",
                "2026-05-15T12:00:00Z",
                "2026-04-14T11:59:59Z",
                "+0",
                "2026-04-14T13:00:00+01:00",
                "2026-04-14 12:01:10Z",
                "tomorrow",
                "-5",
                "2026-13-40T12:00:00Z"
            })
    void otherValuesAreRefused(String value) {
        assertEquals(Optional.empty(), ExpirationTime.parse(value, NOW));
    }
}
