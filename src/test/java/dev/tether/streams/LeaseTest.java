package dev.tether.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.binding.DeviceId;
import dev.tether.content.ContentId;
import dev.tether.security.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaseTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Policy POLICY = Policy.of(2, StreamMode.BLOCK_NEW, Duration.ofSeconds(10), 3, "default");

    @Test
    void aLeaseRunsWhileNowIsBeforeTheLastRenewalPlusIntervalTimesGrace() {
        Lease lease = lease();
        assertEquals(NOW.plusSeconds(30), lease.expiresAt());
        assertTrue(lease.isRunning(NOW.plusSeconds(29)));
        assertFalse(lease.isRunning(NOW.plusSeconds(30)), "at the instant itself it has expired");
        assertEquals(EndedBy.EXPIRED, lease.stoppedBy(), "a lapsed lease reads as expired before anyone marks it");
        assertEquals(NOW.plusSeconds(42), lease.expiry(NOW.plusSeconds(12)));
    }

    @Test
    void anEndedLeaseKeepsItsFirstEnding() {
        Lease lease = lease();
        lease.end(EndedBy.STOP_OLDEST, null, NOW.plusSeconds(5));
        lease.end(EndedBy.ADMIN, new UserId("admin"), NOW.plusSeconds(6));
        assertFalse(lease.isRunning(NOW.plusSeconds(6)));
        assertEquals(EndedBy.STOP_OLDEST, lease.stoppedBy());
        assertEquals(NOW.plusSeconds(5), lease.stoppedAt());
    }

    @Test
    void anExpiryIsDatedWhenTheLeaseLapsedNotWhenItWasNoticed() {
        Lease lease = lease();
        lease.end(EndedBy.EXPIRED, null, NOW.plusSeconds(300));
        assertEquals(NOW.plusSeconds(30), lease.stoppedAt());
    }

    @Test
    void theRefusalNamesTheRunningStreamsAndWhenTheOldestExpires() {
        Lease a = lease();
        StreamView first = StreamView.of(a, "Living room TV");
        StreamView second = new StreamView(
                "b", "demo-movie", null, null, NOW.plusSeconds(1), NOW.plusSeconds(1), NOW.plusSeconds(31));
        String text = StreamStart.overLimit(2, List.of(first, second)).refusalText();
        assertTrue(text.startsWith("2 streams are playing on your account, and your plan allows 2 at once"), text);
        assertTrue(text.contains("demo-movie on Living room TV since " + NOW), text);
        assertTrue(text.contains("The oldest lease expires at " + NOW.plusSeconds(30)), text);
    }

    private static Lease lease() {
        return new Lease(
                new UserId("anna"), Optional.of(new DeviceId("dev-1")), new ContentId("demo-movie"), POLICY, NOW);
    }
}
