package dev.tether.api;

import dev.tether.platform.RefusedException;
import dev.tether.platform.StrictJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every JSON body of Tether's own API (a resource method whose entity is a record) is read here
 * once, strictly, before JSON-B binds it: {@code application/json}, not compressed, at most the
 * limit of its endpoint (see {@link #limitFor}), exactly one object by {@link StrictJson}, and each member of
 * the JSON type of its record component (a string for a {@code String}, an integer literal in
 * range for an {@code int} or {@code long}, {@code true} or {@code false} for a {@code boolean}).
 * JSON-B alone would turn {@code "5"} into 5, take the last of two members of one name and read
 * a body of any size. A method that takes form parameters (the back-channel logout) is held to its
 * limit by {@code Content-Length} (the container parses the form; the server's own message size
 * limit bounds a chunked one). SEES and SCIM read their own bodies, in their own shapes; this
 * filter leaves them alone.
 */
@Provider
public class StrictJsonBodies implements ContainerRequestFilter {

    static final String MAX_BODY_BYTES = "tether.api.max-body-bytes";
    static final int DEFAULT_MAX_BODY_BYTES = 16_384;
    static final String SELF_SERVICE_MAX_BODY_BYTES = "tether.api.self-service.max-body-bytes";
    static final int DEFAULT_SELF_SERVICE_MAX_BODY_BYTES = 2_048;
    static final String LOGOUT_MAX_BODY_BYTES = "tether.oidc.max-body-bytes";
    static final int DEFAULT_LOGOUT_MAX_BODY_BYTES = 16_384;

    @Context
    ResourceInfo resource;

    private final ConcurrentMap<String, Integer> limits = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Method method = resource.getResourceMethod();
        Class<?> body = method == null ? null : entityType(method);
        if (body != null && !body.isRecord()) {
            return;
        }
        String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
            throw refused(BodyRefusal.COMPRESSED_BODY, BodyRefusal.COMPRESSED_BODY.text());
        }
        int limit = limitFor(resource.getResourceClass());
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        if (body == null) {
            return;
        }
        if (!StrictJson.isJsonMediaType(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            throw refused(BodyRefusal.BAD_CONTENT_TYPE, BodyRefusal.BAD_CONTENT_TYPE.text());
        }
        byte[] bytes = request.getEntityStream().readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        JsonObject json;
        try {
            json = StrictJson.readObject(bytes);
        } catch (StrictJson.MalformedJsonException e) {
            throw refused(BodyRefusal.of(e.violation()), e.violation().text());
        }
        checkTypes(body, json);
        request.setEntityStream(new ByteArrayInputStream(bytes));
    }

    /** The type of the method's entity parameter: the one that no JAX-RS annotation binds; null for none. */
    private static Class<?> entityType(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean bound = Arrays.stream(parameter.getAnnotations())
                    .map(Annotation::annotationType)
                    .anyMatch(type -> type.getPackageName().startsWith("jakarta.ws.rs"));
            if (!bound) {
                return parameter.getType();
            }
        }
        return null;
    }

    private static void checkTypes(Class<?> record, JsonObject json) {
        for (RecordComponent component : record.getRecordComponents()) {
            JsonValue value = json.get(component.getName());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            Class<?> type = component.getType();
            String expected = null;
            if (type == String.class && !(value instanceof JsonString)) {
                expected = "a string";
            } else if ((type == Integer.class || type == int.class)
                    && !(value instanceof JsonNumber number && fitsInt(number.longValue()))) {
                expected = "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
            } else if ((type == Long.class || type == long.class) && !(value instanceof JsonNumber)) {
                expected = "an integer";
            } else if ((type == Boolean.class || type == boolean.class)
                    && value.getValueType() != JsonValue.ValueType.TRUE
                    && value.getValueType() != JsonValue.ValueType.FALSE) {
                expected = "true or false";
            }
            if (expected != null) {
                throw refused(BodyRefusal.WRONG_TYPE, "'" + component.getName() + "' must be " + expected + ".");
            }
        }
    }

    private static boolean fitsInt(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }

    /**
     * The body limit of an endpoint, by what it takes: the self-service API (a label, a heartbeat)
     * little, the back-channel logout one logout token, the admin and audit API the most (a title
     * with its key and DRMs, under 1 kB, with room to spare).
     */
    int limitFor(Class<?> resourceClass) {
        String path = resourceClass == null || resourceClass.getAnnotation(Path.class) == null
                ? ""
                : resourceClass.getAnnotation(Path.class).value();
        if (path.startsWith("/api/devices") || path.startsWith("/api/streams")) {
            return limit(SELF_SERVICE_MAX_BODY_BYTES, DEFAULT_SELF_SERVICE_MAX_BODY_BYTES);
        }
        if (path.startsWith("/oidc/")) {
            return limit(LOGOUT_MAX_BODY_BYTES, DEFAULT_LOGOUT_MAX_BODY_BYTES);
        }
        return limit(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES);
    }

    private int limit(String key, int otherwise) {
        return limits.computeIfAbsent(
                key,
                k -> ConfigProvider.getConfig()
                        .getOptionalValue(k, Integer.class)
                        .orElse(otherwise));
    }

    private static RefusedException tooLarge(int limit) {
        return refused(BodyRefusal.BODY_TOO_LARGE, "The request body exceeds " + limit + " bytes.");
    }

    private static RefusedException refused(BodyRefusal reason, String detail) {
        return new RefusedException(reason, detail);
    }
}
