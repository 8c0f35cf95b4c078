package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Tests wait for a state, not for a guessed time: one polling loop for every test that waits. */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(500);

    private Eventually() {}

    /**
     * Asks again every half second until {@code done} holds, for at most {@code within}, and
     * returns the last answer; fails the test with that answer if {@code done} never held.
     */
    static <T> T eventually(Duration within, Supplier<T> attempt, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        T last = attempt.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            last = attempt.get();
        }
        assertTrue(done.test(last), "not reached within " + within + ": " + last);
        return last;
    }
}
