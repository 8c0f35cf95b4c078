package dev.tether.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private TokenBuckets buckets(int perMinute, int maxKeys) {
        return new TokenBuckets(perMinute, TimeUnit.MINUTES.toNanos(1), maxKeys, clock::get);
    }

    private void advanceSeconds(double seconds) {
        clock.addAndGet((long) (seconds * 1_000_000_000L));
    }

    @Test
    void aKeyMayBurstItsWholeMinuteAndIsThenRefusedWithTheWaitForTheNextRequest() {
        TokenBuckets buckets = buckets(60, 100);
        for (int i = 0; i < 60; i++) {
            assertTrue(buckets.take("alice").isEmpty(), "request " + i);
        }
        Optional<TokenBuckets.Refusal> refused = buckets.take("alice");
        assertTrue(refused.isPresent());
        assertEquals(1, refused.get().retryAfterSeconds(), "one a second at 60 a minute");
        assertTrue(buckets.take("bob").isEmpty(), "each key has its own bucket");
    }

    @Test
    void theBucketRefillsAtTheSteadyRateAndNeverAboveItsSize() {
        TokenBuckets buckets = buckets(6, 100);
        for (int i = 0; i < 6; i++) {
            buckets.take("alice");
        }
        Optional<TokenBuckets.Refusal> refused = buckets.take("alice");
        assertEquals(10, refused.orElseThrow().retryAfterSeconds(), "one per 10 s at 6 a minute");
        advanceSeconds(10);
        assertTrue(buckets.take("alice").isEmpty());
        assertTrue(buckets.take("alice").isPresent());
        advanceSeconds(3600);
        for (int i = 0; i < 6; i++) {
            assertTrue(buckets.take("alice").isEmpty(), "full again after an hour, request " + i);
        }
        assertTrue(buckets.take("alice").isPresent(), "but not fuller than its size");
    }

    @Test
    void onlyTheFirstRefusalOfAWindowOpensIt() {
        TokenBuckets buckets = buckets(1, 100);
        buckets.take("alice");
        assertTrue(buckets.take("alice").orElseThrow().firstOfWindow());
        advanceSeconds(30);
        assertFalse(buckets.take("alice").orElseThrow().firstOfWindow(), "same window");
        advanceSeconds(29);
        assertFalse(buckets.take("alice").orElseThrow().firstOfWindow(), "still the same window");
        advanceSeconds(60);
        buckets.take("alice");
        assertTrue(buckets.take("alice").orElseThrow().firstOfWindow(), "a new window a minute later");
    }

    @Test
    void idleKeysAreForgottenWhenTheMapIsFullButBusyOnesAreKept() {
        TokenBuckets buckets = buckets(2, 2);
        buckets.take("idle");
        advanceSeconds(120);
        buckets.take("busy");
        buckets.take("busy");
        buckets.take("new");
        assertEquals(2, buckets.keys(), "the refilled key was dropped to make room");
        assertTrue(buckets.take("busy").isPresent(), "the busy key kept its empty bucket");
    }
}
