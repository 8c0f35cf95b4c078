package dev.tether.audit;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs a use case through the real {@link RefusalRecorder}, as the container does around a
 * {@link RecordsRefusals} bean, so that a unit test sees the refusal events the interceptor writes
 * without a container.
 */
public final class RefusalRecording {

    private final RefusalRecorder recorder = new RefusalRecorder();

    public RefusalRecording(Decisions decisions, AuditTrail trail) {
        recorder.decisions = decisions;
        recorder.trail = trail;
    }

    /** The use case's result, or the exception it ended with after the interceptor saw it. */
    public <T> T call(Callable<T> useCase) throws Exception {
        @SuppressWarnings("unchecked")
        T result = (T) recorder.record(new Invocation(useCase));
        return result;
    }

    /** Just enough of an invocation for an interceptor that only proceeds. */
    private record Invocation(Callable<?> useCase) implements InvocationContext {

        @Override
        public Object proceed() throws Exception {
            return useCase.call();
        }

        @Override
        public Object getTarget() {
            return useCase;
        }

        @Override
        public Object getTimer() {
            return null;
        }

        @Override
        public Method getMethod() {
            return null;
        }

        @Override
        public Constructor<?> getConstructor() {
            return null;
        }

        @Override
        public Object[] getParameters() {
            return new Object[0];
        }

        @Override
        public void setParameters(Object[] params) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> getContextData() {
            return new HashMap<>();
        }
    }
}
