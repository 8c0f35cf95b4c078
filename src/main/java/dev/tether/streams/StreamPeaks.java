package dev.tether.streams;

import dev.tether.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Each account's peak of concurrent streams per UTC day (table {@code stream_peak}), raised by
 * admissions under the user's lock and read by the auditor's summary. Peaks are kept like the
 * audit trail: reporting data, not leases.
 */
@ApplicationScoped
public class StreamPeaks {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    /** Notes that {@code running} streams of {@code user} run at {@code now}; the caller holds the user's lock. */
    void raise(UserId user, long running, Instant now) {
        Date day = Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC));
        // A read first: most admissions raise no peak, and then need no write (issue 22: an UPDATE
        // that matched nothing was followed by a count; an UPDATE of every row wrote it every time).
        // Under the user's lock, so no other admission changes the row in between.
        List<?> found = em.createNativeQuery("SELECT peak FROM stream_peak WHERE peak_day = ?1 AND user_id = ?2")
                .setParameter(1, day)
                .setParameter(2, user.value())
                .getResultList();
        if (found.isEmpty()) {
            em.createNativeQuery("INSERT INTO stream_peak (peak_day, user_id, peak) VALUES (?1, ?2, ?3)")
                    .setParameter(1, day)
                    .setParameter(2, user.value())
                    .setParameter(3, running)
                    .executeUpdate();
        } else if (((Number) found.get(0)).longValue() < running) {
            em.createNativeQuery("UPDATE stream_peak SET peak = ?1 WHERE peak_day = ?2 AND user_id = ?3")
                    .setParameter(1, running)
                    .setParameter(2, day)
                    .setParameter(3, user.value())
                    .executeUpdate();
        }
    }

    /** Per UTC day of [from, to): the most streams one account ran at once, and how many accounts streamed. */
    @Transactional
    public List<DayPeak> perDay(Instant from, Instant to) {
        List<?> rows = em.createNativeQuery(
                        "SELECT peak_day, MAX(peak), COUNT(*) FROM stream_peak WHERE peak_day >= ?1 AND peak_day < ?2"
                                + " GROUP BY peak_day ORDER BY peak_day")
                .setParameter(1, Date.valueOf(LocalDate.ofInstant(from, ZoneOffset.UTC)))
                .setParameter(
                        2,
                        Date.valueOf(LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC)
                                .plusDays(1)))
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(r -> new DayPeak(day(r[0]), ((Number) r[1]).intValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    private static LocalDate day(Object value) {
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return LocalDate.parse(value.toString());
    }

    /** One UTC day's peak concurrent streams of one account, and the accounts that streamed. */
    public record DayPeak(LocalDate day, int peakStreams, long accounts) {}
}
