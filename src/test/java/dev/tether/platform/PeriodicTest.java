package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    /** The server's managed scheduler, played by a JDK one: Periodic uses only what both have. */
    private final ManagedScheduledExecutorService scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ManagedScheduledExecutorService.class},
            (proxy, method, args) -> {
                try {
                    return method.invoke(executor, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void aFailedRunIsLoggedAndTheNextRunTriesAgain() throws InterruptedException {
        Logger log = Logger.getLogger("periodic-test-" + System.nanoTime());
        log.setUseParentHandlers(false);
        List<LogRecord> records = new ArrayList<>();
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        Periodic periodic =
                Periodic.start(scheduler, Duration.ZERO, Duration.ofMillis(10), log, "the run failed", () -> {
                    third.countDown();
                    if (runs.incrementAndGet() == 1) {
                        throw new IllegalStateException("database away");
                    }
                });

        assertTrue(third.await(10, TimeUnit.SECONDS), "runs after the failed one: " + runs.get());
        assertTrue(periodic.stop(), "a started schedule");
        synchronized (records) {
            assertEquals(1, records.size(), "one warning, for the one failed run");
            assertEquals(Level.WARNING, records.get(0).getLevel());
            assertEquals("the run failed", records.get(0).getMessage());
            assertEquals("database away", records.get(0).getThrown().getMessage());
        }
    }

    @Test
    void aStoppedScheduleRunsNoMore() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        Periodic periodic = Periodic.start(
                scheduler, Duration.ZERO, Duration.ofMillis(10), Logger.getLogger("periodic-test"), "failed", () -> {
                    runs.incrementAndGet();
                    first.countDown();
                });
        assertTrue(first.await(10, TimeUnit.SECONDS));
        periodic.stop();
        int stoppedAt = runs.get();
        TimeUnit.MILLISECONDS.sleep(100);
        assertTrue(runs.get() <= stoppedAt + 1, "at most the run in progress: " + stoppedAt + " then " + runs.get());
    }

    @Test
    void aScheduleNeverStartedStopsAsNothing() {
        assertFalse(Periodic.none().stop());
    }
}
