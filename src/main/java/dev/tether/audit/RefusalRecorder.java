package dev.tether.audit;

import dev.tether.platform.RefusedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Records the refusal that ends a use case, in a transaction of its own: its priority puts it
 * outside {@code @Transactional} (PLATFORM_BEFORE + 200), so the use case's transaction has rolled
 * back by the time the refusal is written, and cannot take the record with it. A refusal thrown
 * before the use case opened its decision (an unknown id, say) is not a decision and is not recorded.
 * Only the outermost use case records: one that another calls leaves it to its caller.
 */
@RecordsRefusals
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RefusalRecorder {

    @Inject
    Decisions decisions;

    @Inject
    AuditTrail trail;

    @AroundInvoke
    Object record(InvocationContext invocation) throws Exception {
        boolean outermost = decisions.enter();
        try {
            return invocation.proceed();
        } catch (RefusedException refused) {
            Optional<Decision> decision = decisions.current();
            if (outermost && decision.isPresent()) {
                trail.commit(decision.get().refused(refused.reason().name(), Instant.now()));
                refused.markRecorded();
            }
            throw refused;
        } finally {
            decisions.exit();
        }
    }
}
