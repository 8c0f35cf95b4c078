package dev.tether.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless threads are deadlocked, the one state a restart cures. It depends on nothing
 * outside the JVM: an ExpressPlay outage must never get Tether restarted.
 */
@Liveness
@ApplicationScoped
public class ThreadLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        return HealthCheckResponse.named("threads")
                .status(deadlocked == null)
                .withData("deadlocked", deadlocked == null ? 0 : deadlocked.length)
                .build();
    }
}
