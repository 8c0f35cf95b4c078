package dev.simulator.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated history's own rules: a redemption held back by a fault is invisible to every
 * selector until its delay has passed, then visible to all; other redemptions are not held; the
 * cookie window keeps the most recent 32 of a cookie however many came before.
 */
class TransactionHistoryTest {

    private static final Instant NOW = Instant.parse("2026-04-14T12:00:00Z");
    private static final String COOKIE = "cookie-held-back-001";

    private final TransactionHistory history = new TransactionHistory();

    @BeforeEach
    void wire() {
        history.faults = new FaultInjector();
        history.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void aHeldBackRedemptionIsInvisibleUntilItsDelayHasPassed() {
        history.faults.add(
                new FaultRequest(SimulatedEndpoint.RIGHTS, FaultKind.HOLD_BACK, 1, null, 5_000L, null, null, null));
        TransactionHistory.Event held = history.log(COOKIE, "device-a", "tether-registration");
        TransactionHistory.Event next = history.log("cookie-not-held-0001", "device-b", "tether-registration");

        assertEquals(NOW.plusSeconds(5), held.visibleFrom());
        assertEquals(NOW, next.visibleFrom(), "the fault held back the next redemption only");
        assertEquals(List.of(), history.byCookie(COOKIE));
        assertTrue(history.byId(held.eventId()).isEmpty());
        assertEquals(List.of(next), history.latest());
        assertEquals(List.of(next), history.page(0, 10), "the index counts visible events only");

        history.clock = Clock.offset(history.clock, Duration.ofMillis(4_999));
        assertEquals(List.of(), history.byCookie(COOKIE), "not a moment early");

        history.clock = Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC);
        assertEquals(List.of(held), history.byCookie(COOKIE));
        assertEquals(held, history.byId(held.eventId()).orElseThrow());
        assertEquals(List.of(held, next), history.latest());
        assertEquals(1, history.faults.faults().get(0).applied(), "the fault says it was applied");
    }

    @Test
    void aHoldBackFaultIsNotACallFault() {
        history.faults.add(
                new FaultRequest(SimulatedEndpoint.RIGHTS, FaultKind.HOLD_BACK, 1, null, 5_000L, null, null, null));

        assertEquals(List.of(), history.faults.onCall(SimulatedEndpoint.RIGHTS), "the call itself goes through");
        history.faults.finished(SimulatedEndpoint.RIGHTS);
        assertEquals(Duration.ofSeconds(5), history.faults.holdBack(SimulatedEndpoint.RIGHTS));
        assertEquals(Duration.ZERO, history.faults.holdBack(SimulatedEndpoint.RIGHTS), "count 1: once");
    }

    @Test
    void theCookieWindowIsTheMostRecent32() {
        for (int i = 1; i <= 40; i++) {
            history.log(COOKIE, "device-" + i, "tether-registration");
        }

        List<TransactionHistory.Event> window = history.byCookie(COOKIE);

        assertEquals(TransactionHistory.COOKIE_WINDOW, window.size());
        assertEquals("device-9", window.get(0).deviceId(), "the first eight have scrolled out");
        assertEquals("device-40", window.get(31).deviceId(), "oldest first");
    }
}
