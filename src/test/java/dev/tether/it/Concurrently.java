package dev.tether.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Races: calls released together, so that the server sees them at once, not one after another. */
final class Concurrently {

    private Concurrently() {}

    /**
     * Runs every call on its own thread, all waiting for one start signal, and returns their
     * answers in the calls' order; a call that fails or takes longer than {@code each} fails the test.
     */
    static <T> List<T> atOnce(List<Callable<T>> calls, Duration each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(each.toMillis(), TimeUnit.MILLISECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code times} copies of {@code call}. */
    static <T> List<Callable<T>> times(int times, Callable<T> call) {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(call);
        }
        return calls;
    }
}
