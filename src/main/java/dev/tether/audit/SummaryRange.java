package dev.tether.audit;

import dev.tether.platform.RefusedException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The time range [from, to) of a summary: by default the last 30 days up to now, at most 366 days. */
public record SummaryRange(Instant from, Instant to) {

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(366);

    public SummaryRange {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
    }

    /** The range the query parameters ask for (either may be absent), checked. */
    public static SummaryRange parse(String from, String to) {
        Instant end = AuditSearchParams.instant("to", to)
                .orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Instant start = AuditSearchParams.instant("from", from).orElse(end.minus(DEFAULT_RANGE));
        if (!AuditSearchParams.inRange(start)) {
            throw new RefusedException(
                    AuditQueryRefusal.BAD_TIME_RANGE, "The default 'from', 30 days before 'to', is before the year 1.");
        }
        if (!start.isBefore(end)) {
            throw new RefusedException(AuditQueryRefusal.BAD_TIME_RANGE, "'from' must be before 'to'.");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new RefusedException(
                    AuditQueryRefusal.BAD_TIME_RANGE, "A summary covers at most " + MAX_RANGE.toDays() + " days.");
        }
        return new SummaryRange(start, end);
    }
}
