package dev.tether.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tether's own fields of the log lines a thread writes while it serves a request (request id, user
 * id, a decision and its reason), handed to the server's facility for per-thread log context so that
 * its JSON log lines carry them as fields of their own: Open Liberty's {@code LogRecordContext}
 * (JSON field {@code ext_<name>}) or the JBoss Log Manager's MDC (WildFly's JSON formatter, object
 * {@code mdc}). Neither is a Jakarta EE or MicroProfile API, and the one WAR runs on both servers, so
 * the facility is found by class name when this class is first used, and called by reflection; on a
 * server that has neither, the fields go nowhere (the {@code [requestId=…]} prefix of the message
 * stays). No call here throws. The values are ids and closed codes, never a token or a secret.
 */
public final class LogFields {

    /** The request's id ({@link RequestIds}). */
    public static final String REQUEST_ID = "requestId";

    /** The signed-in user's id (the token's subject), once the request has identified the user. */
    public static final String USER_ID = "userId";

    /** A decision line's outcome ({@code GRANTED}, {@code REFUSED}). */
    public static final String DECISION = "decision";

    /** A refused decision's reason code. */
    public static final String REASON = "reason";

    private static final List<String> NAMES = List.of(REQUEST_ID, USER_ID, DECISION, REASON);
    private static final Logger LOG = Logger.getLogger(LogFields.class.getName());
    private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();
    private static final Sink SINK = Sink.find(classLoaders());

    private LogFields() {}

    /** The name of the facility the fields go to ({@code none} when there is none), for the log and tests. */
    public static String facility() {
        return SINK.name();
    }

    /** Adds or replaces one field of this thread's lines (a {@code null} value removes it). */
    public static void put(String name, String value) {
        Map<String, String> fields = new LinkedHashMap<>(current());
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
        set(fields);
    }

    /** The fields this thread's lines carry now, to be bound on another thread ({@link #bind}). */
    public static Map<String, String> current() {
        Map<String, String> fields = CURRENT.get();
        return fields == null ? Map.of() : fields;
    }

    /**
     * Makes {@code fields} this thread's only fields until the scope closes, which restores the
     * previous ones (none at the end of a request: a pooled thread keeps nothing of it).
     */
    public static Scope bind(Map<String, String> fields) {
        Map<String, String> previous = current();
        set(fields);
        return () -> set(previous);
    }

    /** Adds {@code fields} to this thread's until the scope closes (a decision's, around its line). */
    public static Scope with(Map<String, String> fields) {
        Map<String, String> previous = current();
        Map<String, String> added = new LinkedHashMap<>(previous);
        added.putAll(fields);
        set(added);
        return () -> set(previous);
    }

    private static void set(Map<String, String> fields) {
        Map<String, String> kept = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (NAMES.contains(name) && value != null) {
                kept.put(name, value);
            }
        });
        Map<String, String> before = current();
        for (String name : NAMES) {
            String value = kept.get(name);
            if (value == null && before.containsKey(name)) {
                SINK.remove(name);
            } else if (value != null && !value.equals(before.get(name))) {
                SINK.put(name, value);
            }
        }
        if (kept.isEmpty()) {
            CURRENT.remove();
        } else {
            CURRENT.set(Map.copyOf(kept));
        }
    }

    private static List<ClassLoader> classLoaders() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = LogFields.class.getClassLoader();
        return context == null || context == own ? List.of(own) : List.of(context, own);
    }

    /** The closing of a {@link #bind} or {@link #with}; it cannot fail. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A server's facility: a static {@code put(String, value)} and {@code remove(String)} that act on
     * the calling thread. Liberty's first: a WAR for Liberty bundles JBoss Logging (Hibernate's), whose
     * MDC there reaches no log handler.
     */
    record Sink(String name, Method put, Method remove) {

        private static final Sink NONE = new Sink("none", null, null);

        /** The candidates, in order: class, its put method, its remove method. */
        private static final List<String[]> CANDIDATES = List.of(
                new String[] {"com.ibm.websphere.logging.hpel.LogRecordContext", "addExtension", "removeExtension"},
                new String[] {"org.jboss.logmanager.MDC", "put", "remove"},
                new String[] {"org.jboss.logging.MDC", "put", "remove"});

        static Sink find(List<ClassLoader> loaders) {
            for (String[] candidate : CANDIDATES) {
                for (ClassLoader loader : loaders) {
                    Sink sink = of(loader, candidate[0], candidate[1], candidate[2]);
                    if (sink != null) {
                        LOG.fine(() -> "Log fields go to " + sink.name());
                        return sink;
                    }
                }
            }
            LOG.fine("No server facility for log fields: the request id stays in the message only");
            return NONE;
        }

        /** The facility of {@code className} as {@code loader} sees it, or {@code null}. */
        static Sink of(ClassLoader loader, String className, String put, String remove) {
            try {
                Class<?> type = Class.forName(className, true, loader);
                Method putMethod = method(type, put, String.class, String.class);
                if (putMethod == null) {
                    putMethod = method(type, put, String.class, Object.class);
                }
                Method removeMethod = method(type, remove, String.class);
                return putMethod == null || removeMethod == null ? null : new Sink(className, putMethod, removeMethod);
            } catch (ClassNotFoundException | LinkageError | SecurityException absent) {
                LOG.log(Level.FINEST, "Not visible: " + className, absent);
                return null;
            }
        }

        private static Method method(Class<?> type, String name, Class<?>... parameters) {
            try {
                Method method = type.getMethod(name, parameters);
                return java.lang.reflect.Modifier.isStatic(method.getModifiers()) ? method : null;
            } catch (NoSuchMethodException absent) {
                return null;
            }
        }

        void put(String field, String value) {
            call(put, field, value);
        }

        void remove(String field) {
            call(remove, field);
        }

        private void call(Method method, Object... arguments) {
            if (method == null) {
                return;
            }
            try {
                method.invoke(null, arguments);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                // A log line without its fields is better than a request that fails for them.
                LOG.log(Level.FINE, "The log field facility " + name + " failed", e);
            }
        }
    }
}
