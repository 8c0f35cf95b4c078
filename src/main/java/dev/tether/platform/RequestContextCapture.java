package dev.tether.platform;

import io.opentelemetry.context.Context;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Takes the request's id, its log fields and its trace context on the calling thread: its priority puts it before
 * fault tolerance's interceptor ({@code PLATFORM_AFTER + 10}, MicroProfile Fault Tolerance's).
 */
@FollowsTheRequest
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RequestContextCapture {

    static final String REQUEST_ID = RequestContextCapture.class.getName() + ".requestId";
    static final String TRACE_CONTEXT = RequestContextCapture.class.getName() + ".traceContext";
    static final String LOG_FIELDS = RequestContextCapture.class.getName() + ".logFields";

    @AroundInvoke
    Object capture(InvocationContext invocation) throws Exception {
        RequestIds.current().ifPresent(id -> invocation.getContextData().put(REQUEST_ID, id));
        invocation.getContextData().put(TRACE_CONTEXT, Context.current());
        invocation.getContextData().put(LOG_FIELDS, LogFields.current());
        return invocation.proceed();
    }
}
