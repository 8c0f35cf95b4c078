package dev.tether.platform;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks methods that fault tolerance runs on another thread ({@code @Asynchronous}): the request's
 * id (for its log lines) and its trace context (for the REST client's spans) follow the call onto
 * that thread, to every attempt. {@link RequestContextCapture} takes them on the caller's thread,
 * before fault tolerance's interceptor; {@link RequestContextRestore} binds them on the thread that
 * runs the attempt, after it. The interceptors share the invocation's context data, which the
 * fault-tolerance interceptor passes on to the other thread with the invocation.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FollowsTheRequest {}
