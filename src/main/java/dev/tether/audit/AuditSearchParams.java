package dev.tether.audit;

import dev.tether.platform.RefusedException;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of a search or an export, checked: a bad one is answered 400 with a
 * problem naming it, never silently ignored, since an auditor who mistypes a filter must not
 * read an unfiltered trail as the answer.
 */
public class AuditSearchParams {

    @QueryParam("user")
    String user;

    @QueryParam("device")
    String device;

    @QueryParam("content")
    String content;

    /** Repeatable: events of any of the given types. */
    @QueryParam("type")
    List<String> types;

    @QueryParam("outcome")
    String outcome;

    /** ISO-8601 instant, inclusive. */
    @QueryParam("from")
    String from;

    /** ISO-8601 instant, exclusive. */
    @QueryParam("to")
    String to;

    AuditFilter toFilter() {
        Set<AuditType> typeSet = EnumSet.noneOf(AuditType.class);
        if (types != null) {
            for (String type : types) {
                typeSet.add(constant(AuditType.class, "type", type));
            }
        }
        Optional<Instant> start = instant("from", from);
        Optional<Instant> end = instant("to", to);
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw new RefusedException(AuditQueryRefusal.BAD_TIME_RANGE, "'from' must be before 'to'.");
        }
        return new AuditFilter(
                text("user", user),
                text("device", device),
                text("content", content),
                typeSet,
                outcome == null ? Optional.empty() : Optional.of(constant(AuditOutcome.class, "outcome", outcome)),
                start,
                end);
    }

    /**
     * The earliest and the first instant past the latest a time parameter may name: years 1 to
     * 9999, which every database Tether runs on stores and every date calculation of a report
     * survives. {@code Instant.parse} alone takes years up to a billion.
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant END_OF_TIME = Instant.parse("+10000-01-01T00:00:00Z");

    private static final String TIME_RULE =
            "an ISO-8601 instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, such as 2026-11-26T12:00:00Z";

    static Optional<Instant> instant(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new RefusedException(AuditQueryRefusal.BAD_TIME, "'" + name + "' must be " + TIME_RULE + ".");
        }
        if (!inRange(instant)) {
            throw new RefusedException(AuditQueryRefusal.BAD_TIME, "'" + name + "' must be " + TIME_RULE + ".");
        }
        return Optional.of(instant);
    }

    static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(END_OF_TIME);
    }

    private static Optional<String> text(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBlank()) {
            throw new RefusedException(AuditQueryRefusal.BAD_FILTER, "'" + name + "' must not be blank.");
        }
        return Optional.of(value);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RefusedException(
                    AuditQueryRefusal.BAD_FILTER,
                    "'" + name + "' must be one of " + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
