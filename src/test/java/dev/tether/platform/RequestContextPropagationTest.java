package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * What fault tolerance does to an {@code @Asynchronous} call, played by hand: the capture runs on
 * the caller's thread, the invocation moves to another thread, and each attempt there runs the
 * restore. The attempt sees the request's id (so its log lines carry it) and its trace context
 * (so the REST client's span is a child of the request's).
 */
class RequestContextPropagationTest {

    private static final ContextKey<String> SPAN = ContextKey.named("span");

    @Test
    void theRequestIdAndTheTraceContextFollowTheCallToEachAttemptOnAnotherThread() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Map<String, Object> contextData = new HashMap<>();
            CompletableFuture<String> seen = new CompletableFuture<>();
            try (RequestIds.Scope bound = RequestIds.bind("4bf92f3577b34da6a3ce929d0e0e4736");
                    io.opentelemetry.context.Scope traced =
                            Context.root().with(SPAN, "server-span").makeCurrent()) {
                new RequestContextCapture().capture(invocation(contextData, () -> {
                    // Fault tolerance: the invocation continues on its own thread, attempt by attempt.
                    pool.submit(() -> {
                                Object attempt = new RequestContextRestore()
                                        .restore(invocation(
                                                contextData,
                                                () -> RequestIds.current().orElse("none") + " "
                                                        + Context.current().get(SPAN)));
                                seen.complete((String) attempt);
                                return null;
                            })
                            .get();
                    return null;
                }));
            }
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736 server-span", seen.get());
            assertEquals(Optional.empty(), pool.submit(RequestIds::current).get(), "unbound after the attempt");
            assertTrue(pool.submit(() -> Context.current().get(SPAN) == null).get(), "no trace context left");
        } finally {
            pool.shutdownNow();
        }
    }

    private static InvocationContext invocation(Map<String, Object> contextData, Callable<Object> proceed) {
        return new InvocationContext() {
            @Override
            public Object getTarget() {
                return null;
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
            public void setParameters(Object[] params) {}

            @Override
            public Map<String, Object> getContextData() {
                return contextData;
            }

            @Override
            public Object proceed() throws Exception {
                return proceed.call();
            }
        };
    }
}
