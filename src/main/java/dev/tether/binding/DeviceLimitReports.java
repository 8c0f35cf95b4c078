package dev.tether.binding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Which users come near the device limit: the device policy's own report, beside the limit it
 * applies. Reads without a transaction, as the auditor's reports do: it changes nothing and holds
 * no lock.
 */
@ApplicationScoped
public class DeviceLimitReports {

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    @Inject
    BindingSettings settings;

    /**
     * Counts active (neither removed nor revoked) devices, which is what the limit applies to,
     * against the default limit (per-user overrides are not taken into account); the range
     * [from, to) keeps the report to users whose devices were seen in it. A user counts as near
     * the limit with at least the limit minus {@code margin} devices (at least one); at most
     * {@code max} users, most devices first.
     */
    public DeviceLimitReport nearLimit(Instant from, Instant to, int margin, int max) {
        int limit = settings.maxActiveDevices();
        int threshold = Math.max(1, limit - margin);
        List<DeviceLimitReport.UserDeviceCount> users = em
                .createQuery(
                        "select d.userId, count(d) from Device d"
                                + " where d.revokedAt is null and d.removedAt is null and d.lastSeenAt >= :from and d.firstBoundAt < :to"
                                + " group by d.userId having count(d) >= :threshold order by count(d) desc, d.userId",
                        Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("threshold", (long) threshold)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(r -> new DeviceLimitReport.UserDeviceCount((String) r[0], ((Number) r[1]).longValue()))
                .toList();
        return new DeviceLimitReport(limit, threshold, max, users);
    }
}
