package dev.simulator.expressplay;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The simulator's transaction history: one event per license redemption, newest last, bounded so
 * that a long load test cannot exhaust memory. Kept in memory: it is the simulator's, not Tether's.
 */
@ApplicationScoped
public class TransactionHistory {

    static final int CAPACITY = 100_000;
    /** With no selector, record retrieval returns this many of the latest events. */
    static final int DEFAULT_COUNT = 32;

    /** One logged redemption. */
    public record Event(long eventId, Instant time, String cookie, String eventType, String deviceId, String assetId) {}

    private final Deque<Event> events = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();

    public Event log(String cookie, String deviceId, String assetId) {
        Event event = new Event(ids.incrementAndGet(), Instant.now(), cookie, "FP_LICENSE", deviceId, assetId);
        synchronized (events) {
            events.addLast(event);
            if (events.size() > CAPACITY) {
                events.removeFirst();
            }
        }
        return event;
    }

    public List<Event> matching(Predicate<Event> filter) {
        synchronized (events) {
            return events.stream().filter(filter).toList();
        }
    }

    public List<Event> latest(int count) {
        synchronized (events) {
            return events.stream().skip(Math.max(0, events.size() - count)).toList();
        }
    }

    public List<Event> range(long start, int length) {
        return matching(e -> e.eventId() >= start && e.eventId() < start + length);
    }
}
