package dev.tether.audit;

import dev.tether.platform.Jsonp;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;

/**
 * The inputs that decided a decision (active devices and limit, content policy version, group
 * check, cooldown state) and an admin's reason, kept as one JSON object so that a report can group
 * decisions by cause without parsing prose. Absent values are left out.
 */
public final class AuditDetail {

    /** The column's width. */
    public static final int MAX_LENGTH = 2000;

    private final JsonObjectBuilder json = Jsonp.provider().createObjectBuilder();
    private boolean empty = true;

    private AuditDetail() {}

    public static AuditDetail of() {
        return new AuditDetail();
    }

    public AuditDetail put(String name, String value) {
        if (value != null) {
            json.add(name, value);
            empty = false;
        }
        return this;
    }

    public AuditDetail put(String name, long value) {
        json.add(name, value);
        empty = false;
        return this;
    }

    public AuditDetail put(String name, boolean value) {
        json.add(name, value);
        empty = false;
        return this;
    }

    public AuditDetail put(String name, Instant value) {
        return put(name, value == null ? null : value.toString());
    }

    public AuditDetail put(String name, Duration value) {
        return put(name, value == null ? null : value.toString());
    }

    /** Whether nothing was put: such a detail is recorded as none. */
    public boolean isEmpty() {
        return empty;
    }

    String toJson() {
        return json.build().toString();
    }
}
