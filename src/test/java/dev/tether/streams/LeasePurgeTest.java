package dev.tether.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeasePurgeTest {

    @Test
    void thePurgeRunsTwentyFourTimesPerRetentionBetweenOnceAMinuteAndOnceAnHour() {
        assertEquals(Duration.ofHours(1), LeasePurge.period(Duration.ofDays(1)), "the default retention");
        assertEquals(Duration.ofMinutes(5), LeasePurge.period(Duration.ofHours(2)));
        assertEquals(Duration.ofMinutes(1), LeasePurge.period(Duration.ofMinutes(10)), "at most once a minute");
        assertEquals(Duration.ofHours(1), LeasePurge.period(Duration.ofDays(30)), "at least once an hour");
    }
}
