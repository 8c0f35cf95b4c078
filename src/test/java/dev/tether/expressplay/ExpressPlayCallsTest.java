package dev.tether.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpressPlayCallsTest {

    @Test
    void expirationTimesAreRfc3339InUtcToTheSecond() {
        assertEquals("2026-04-14T12:01:10Z", ExpressPlayCalls.rfc3339(Instant.parse("2026-04-14T12:01:10.987654Z")));
        assertEquals("2026-04-14T12:01:00Z", ExpressPlayCalls.rfc3339(Instant.parse("2026-04-14T12:01:00Z")));
    }
}
