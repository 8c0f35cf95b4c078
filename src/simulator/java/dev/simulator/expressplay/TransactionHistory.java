package dev.simulator.expressplay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The simulator's transaction history: one event per license redemption, oldest first, bounded so
 * that a long load test cannot exhaust memory. Kept in memory: it is the simulator's, not Tether's.
 *
 * <p>What record retrieval can see of it follows ExpressPlay's documentation (DOMAIN.md, "Record
 * retrieval", from ExpressPlay's record retrieval page): by cookie, the most recent events with
 * that cookie, up to {@value #COOKIE_WINDOW}; by id, one event; by {@code start} and
 * {@code length}, a page of the history where {@code start} is a 0-based index, not an event id;
 * with no selector, the latest {@value #LATEST} events. ExpressPlay meant record retrieval for
 * troubleshooting, and a redemption may show in it late: an event is visible only from its
 * {@code visibleFrom}, which a {@link FaultKind#HOLD_BACK} fault pushes into the future. Until
 * then no selector sees it, and the index of {@code start} counts visible events only.
 */
@ApplicationScoped
public class TransactionHistory {

    static final int CAPACITY = 100_000;
    /** Record retrieval by cookie answers the most recent events with the cookie, this many at most. */
    static final int COOKIE_WINDOW = 32;
    /** With no selector, record retrieval answers this many of the latest events. */
    static final int LATEST = 32;

    /** One logged redemption, visible to record retrieval from {@code visibleFrom}. */
    public record Event(
            long eventId,
            Instant time,
            Instant visibleFrom,
            String cookie,
            String eventType,
            String deviceId,
            String assetId) {

        boolean isVisibleAt(Instant now) {
            return !visibleFrom.isAfter(now);
        }
    }

    @Inject
    FaultInjector faults;

    Clock clock = Clock.systemUTC();

    private final Deque<Event> events = new ArrayDeque<>();
    private long lastId;

    /** Logs a redemption, held back from record retrieval if a fault says so. */
    public Event log(String cookie, String deviceId, String assetId) {
        return log(cookie, deviceId, assetId, "FP_LICENSE");
    }

    /** Logs a redemption of the given type: FP_LICENSE, WV_LICENSE or PR_LICENSE. */
    public Event log(String cookie, String deviceId, String assetId, String type) {
        Duration held = faults.holdBack(SimulatedEndpoint.RIGHTS);
        synchronized (events) {
            Instant now = clock.instant();
            Event event = new Event(++lastId, now, now.plus(held), cookie, type, deviceId, assetId);
            events.addLast(event);
            if (events.size() > CAPACITY) {
                events.removeFirst();
            }
            return event;
        }
    }

    /** The most recent visible events with {@code cookie}, up to {@value #COOKIE_WINDOW}, oldest first. */
    public List<Event> byCookie(String cookie) {
        synchronized (events) {
            Instant now = clock.instant();
            List<Event> found = new ArrayList<>();
            for (Iterator<Event> newestFirst = events.descendingIterator();
                    newestFirst.hasNext() && found.size() < COOKIE_WINDOW; ) {
                Event event = newestFirst.next();
                if (event.isVisibleAt(now) && cookie.equals(event.cookie())) {
                    found.add(event);
                }
            }
            Collections.reverse(found);
            return found;
        }
    }

    /** The visible event with this id. */
    public Optional<Event> byId(long eventId) {
        synchronized (events) {
            Instant now = clock.instant();
            return events.stream()
                    .filter(e -> e.eventId() == eventId && e.isVisibleAt(now))
                    .findFirst();
        }
    }

    /** {@code length} visible events from the 0-based index {@code start} of the history, oldest first. */
    public List<Event> page(long start, int length) {
        synchronized (events) {
            Instant now = clock.instant();
            return events.stream()
                    .filter(e -> e.isVisibleAt(now))
                    .skip(start)
                    .limit(length)
                    .toList();
        }
    }

    /** The latest {@value #LATEST} visible events, oldest first. */
    public List<Event> latest() {
        synchronized (events) {
            Instant now = clock.instant();
            List<Event> visible =
                    events.stream().filter(e -> e.isVisibleAt(now)).toList();
            return visible.subList(Math.max(0, visible.size() - LATEST), visible.size());
        }
    }
}
