package dev.tether.platform;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Binds what {@link RequestContextCapture} took to the thread that runs the attempt: its priority
 * puts it after fault tolerance's interceptor, so it runs once per attempt, on the attempt's thread.
 * On the caller's own thread (a call that stays there) it rebinds what is already bound.
 */
@FollowsTheRequest
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 20)
public class RequestContextRestore {

    @AroundInvoke
    Object restore(InvocationContext invocation) throws Exception {
        Object id = invocation.getContextData().get(RequestContextCapture.REQUEST_ID);
        Object trace = invocation.getContextData().get(RequestContextCapture.TRACE_CONTEXT);
        Map<String, String> fields =
                invocation.getContextData().get(RequestContextCapture.LOG_FIELDS) instanceof Map<?, ?> map
                        ? fields(map)
                        : Map.of();
        try (RequestIds.Scope bound = id instanceof String s ? RequestIds.bind(s) : () -> {};
                LogFields.Scope logged = LogFields.bind(fields);
                Scope traced = trace instanceof Context c ? c.makeCurrent() : Scope.noop()) {
            return invocation.proceed();
        }
    }

    private static Map<String, String> fields(Map<?, ?> map) {
        Map<String, String> fields = new HashMap<>();
        map.forEach((name, value) -> {
            if (name instanceof String n && value instanceof String v) {
                fields.put(n, v);
            }
        });
        return fields;
    }
}
