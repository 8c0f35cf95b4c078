package dev.tether.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The auditor's queries over the trail. Each is one JPQL statement shaped for an index of
 * V2__audit_reporting.sql: a search filters on leading columns and walks (occurred_at, id) newest
 * first from a cursor, so a deep page costs what the first one does. Reads run without a
 * transaction: they change nothing, and a read-only report holds no lock.
 */
@ApplicationScoped
public class AuditReports {

    /** The decisions that hand out an ExpressPlay token when granted. */
    static final Set<AuditType> TOKEN_TYPES =
            EnumSet.of(AuditType.REGISTRATION, AuditType.TIME_BASED_TOKEN, AuditType.DEVICE_BOUND_TOKEN);

    /** Longest list a per-user, per-device or per-content report returns. */
    public static final int MAX_ROWS = 1000;

    private static final String VIEW = "select e.id, e.occurredAt, e.type, e.outcome, e.reasonCode, e.userId, "
            + "e.deviceId, e.contentId, e.cookie, e.tokenFingerprint, e.tokenExpiresAt, e.requestId, e.clientAddress, "
            + "e.actorId, e.detail "
            + "from AuditEvent e";

    private static final String TOKENS =
            "sum(case when e.outcome = :granted and e.type in :tokenTypes then 1 else 0 end)";

    @PersistenceContext(unitName = "tether")
    EntityManager em;

    /** Up to {@code limit} events matching the filter, newest first, after the cursor if there is one. */
    public List<AuditEventView> search(AuditFilter filter, Optional<AuditCursor> after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        filter.user().ifPresent(v -> condition(where, parameters, "e.userId = :user", "user", v));
        filter.device().ifPresent(v -> condition(where, parameters, "e.deviceId = :device", "device", v));
        filter.content().ifPresent(v -> condition(where, parameters, "e.contentId = :content", "content", v));
        if (!filter.types().isEmpty()) {
            condition(where, parameters, "e.type in :types", "types", filter.types());
        }
        filter.outcome().ifPresent(v -> condition(where, parameters, "e.outcome = :outcome", "outcome", v));
        filter.from().ifPresent(v -> condition(where, parameters, "e.occurredAt >= :from", "from", v));
        filter.to().ifPresent(v -> condition(where, parameters, "e.occurredAt < :to", "to", v));
        after.ifPresent(c -> {
            // The first conjunct gives the index a range bound; the second breaks ties on time by id.
            where.add("e.occurredAt <= :afterTime and (e.occurredAt < :afterTime or e.id < :afterId)");
            parameters.put("afterTime", c.occurredAt());
            parameters.put("afterId", c.id());
        });
        String jpql = VIEW + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by e.occurredAt desc, e.id desc";
        TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class).setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList().stream().map(AuditReports::view).toList();
    }

    /** The devices in a user's trail, most recently seen first. */
    public List<UserDevice> devicesOf(String user) {
        return together("e.userId", user, "e.deviceId").stream()
                .map(r -> new UserDevice((String) r[0], (Instant) r[1], (Instant) r[2], count(r[3]), count(r[4])))
                .toList();
    }

    /** The users in a device's trail, most recently seen first. */
    public List<DeviceUser> usersOf(String device) {
        return together("e.deviceId", device, "e.userId").stream()
                .map(r -> new DeviceUser((String) r[0], (Instant) r[1], (Instant) r[2], count(r[3]), count(r[4])))
                .toList();
    }

    /**
     * For the events whose {@code known} column is {@code value}: each value of {@code other} with
     * its first and last time, its events and its tokens, most recent first. Both columns are
     * constants of this class, never input.
     */
    private List<Object[]> together(String known, String value, String other) {
        return em.createQuery(
                        "select " + other + ", min(e.occurredAt), max(e.occurredAt), count(e), " + TOKENS
                                + " from AuditEvent e where " + known + " = :value and " + other + " is not null"
                                + " group by " + other + " order by max(e.occurredAt) desc",
                        Object[].class)
                .setParameter("value", value)
                .setParameter("granted", AuditOutcome.GRANTED)
                .setParameter("tokenTypes", TOKEN_TYPES)
                .setMaxResults(MAX_ROWS)
                .getResultList();
    }

    /** The trail's aggregates of the range. */
    public AuditSummary summary(SummaryRange range) {
        Instant from = range.from();
        Instant to = range.to();
        List<AuditSummary.DayCount> perDay = tokensInRange(
                        "select extract(date from e.occurredAt), count(e)",
                        "group by extract(date from e.occurredAt)" + " order by extract(date from e.occurredAt)",
                        from,
                        to)
                .stream()
                .map(r -> new AuditSummary.DayCount(day(r[0]), count(r[1])))
                .toList();
        List<AuditSummary.ContentCount> perContent = tokensInRange(
                        "select e.contentId, count(e)",
                        "group by e.contentId order by count(e) desc, e.contentId",
                        from,
                        to)
                .stream()
                .map(r -> new AuditSummary.ContentCount((String) r[0], count(r[1])))
                .toList();
        List<AuditSummary.ReasonCount> refusals = em
                .createQuery(
                        "select e.reasonCode, count(e) from AuditEvent e"
                                + " where e.outcome = :refused and e.occurredAt >= :from and e.occurredAt < :to"
                                + " group by e.reasonCode order by count(e) desc, e.reasonCode",
                        Object[].class)
                .setParameter("refused", AuditOutcome.REFUSED)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .stream()
                .map(r -> new AuditSummary.ReasonCount((String) r[0], count(r[1])))
                .toList();
        long activeDevices = em.createQuery(
                        "select count(distinct e.deviceId) from AuditEvent e"
                                + " where e.occurredAt >= :from and e.occurredAt < :to and e.deviceId is not null",
                        Long.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
        List<AuditSummary.DayTypeCount> perDayByType = tokensInRange(
                        "select extract(date from e.occurredAt), e.type, count(e)",
                        "group by extract(date from e.occurredAt), e.type"
                                + " order by extract(date from e.occurredAt), e.type",
                        from,
                        to)
                .stream()
                .map(r -> new AuditSummary.DayTypeCount(day(r[0]), ((AuditType) r[1]).name(), count(r[2])))
                .toList();
        return new AuditSummary(
                from,
                to,
                perDay,
                perContent,
                refusals,
                activeDevices,
                perDrm(from, to),
                perDayByType,
                perDayByDrm(from, to, perDay));
    }

    /**
     * Tokens per day and DRM: one grouped query per DRM other than FairPlay (read from the detail,
     * as {@link #perDrm} does), and FairPlay's the rest of each day's tokens. Days without a DRM's
     * tokens are left out.
     */
    private List<AuditSummary.DayDrmCount> perDayByDrm(Instant from, Instant to, List<AuditSummary.DayCount> perDay) {
        Map<LocalDate, Long> fairPlay = new TreeMap<>();
        perDay.forEach(d -> fairPlay.put(d.day(), d.tokens()));
        List<AuditSummary.DayDrmCount> counts = new ArrayList<>();
        for (String drm : DRMS.subList(1, DRMS.size())) {
            List<Object[]> rows = em.createQuery(
                            "select extract(date from e.occurredAt), count(e) from AuditEvent e"
                                    + " where e.type in :tokenTypes and e.outcome = :granted"
                                    + " and e.occurredAt >= :from and e.occurredAt < :to and e.detail like :drm"
                                    + " group by extract(date from e.occurredAt)"
                                    + " order by extract(date from e.occurredAt)",
                            Object[].class)
                    .setParameter("tokenTypes", TOKEN_TYPES)
                    .setParameter("granted", AuditOutcome.GRANTED)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .setParameter("drm", "%\"drm\":\"" + drm + "\"%")
                    .setMaxResults(MAX_ROWS)
                    .getResultList();
            for (Object[] r : rows) {
                LocalDate day = day(r[0]);
                long tokens = count(r[1]);
                counts.add(new AuditSummary.DayDrmCount(day, drm, tokens));
                fairPlay.merge(day, -tokens, Long::sum);
            }
        }
        fairPlay.forEach((day, tokens) -> {
            if (tokens > 0) {
                counts.add(new AuditSummary.DayDrmCount(day, DRMS.get(0), tokens));
            }
        });
        counts.sort(Comparator.comparing(AuditSummary.DayDrmCount::day).thenComparing(c -> DRMS.indexOf(c.drm())));
        return counts;
    }

    /** The DRMs a token event names in its detail (ContentAdministration and EntitlementService write them). */
    static final List<String> DRMS = List.of("fairplay", "widevine", "playready");

    /**
     * Tokens per DRM, read from the detail's {@code "drm"} and {@code "deviceBound"} members: the
     * DRM is not a column of the trail (the ledger's record format stays as it is). An event
     * without a DRM is FairPlay's; one without {@code deviceBound} is bound if device-bound.
     */
    private List<AuditSummary.DrmCount> perDrm(Instant from, Instant to) {
        List<AuditSummary.DrmCount> counts = new ArrayList<>();
        long all = tokens(from, to, null, null);
        long allBound = tokens(from, to, null, true);
        long others = 0;
        long othersBound = 0;
        for (String drm : DRMS.subList(1, DRMS.size())) {
            long tokens = tokens(from, to, drm, null);
            long bound = tokens(from, to, drm, true);
            others += tokens;
            othersBound += bound;
            counts.add(new AuditSummary.DrmCount(drm, tokens, bound));
        }
        counts.add(0, new AuditSummary.DrmCount(DRMS.get(0), all - others, allBound - othersBound));
        return counts;
    }

    private long tokens(Instant from, Instant to, String drm, Boolean bound) {
        StringBuilder jpql = new StringBuilder("select count(e) from AuditEvent e where e.type in :tokenTypes"
                + " and e.outcome = :granted and e.occurredAt >= :from and e.occurredAt < :to");
        if (drm != null) {
            jpql.append(" and e.detail like :drm");
        }
        if (bound != null) {
            // Before multi-DRM a granted device-bound token was always bound and named no guarantee.
            jpql.append(" and (e.detail like :bound or (e.type = :deviceBound and (e.detail is null"
                    + " or e.detail not like :anyBound)))");
        }
        TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class)
                .setParameter("tokenTypes", TOKEN_TYPES)
                .setParameter("granted", AuditOutcome.GRANTED)
                .setParameter("from", from)
                .setParameter("to", to);
        if (drm != null) {
            query.setParameter("drm", "%\"drm\":\"" + drm + "\"%");
        }
        if (bound != null) {
            query.setParameter("bound", "%\"deviceBound\":true%")
                    .setParameter("deviceBound", AuditType.DEVICE_BOUND_TOKEN)
                    .setParameter("anyBound", "%\"deviceBound\":%");
        }
        return query.getSingleResult();
    }

    private List<Object[]> tokensInRange(String select, String groupAndOrder, Instant from, Instant to) {
        return em.createQuery(
                        select + " from AuditEvent e where e.type in :tokenTypes and e.outcome = :granted"
                                + " and e.occurredAt >= :from and e.occurredAt < :to " + groupAndOrder,
                        Object[].class)
                .setParameter("tokenTypes", TOKEN_TYPES)
                .setParameter("granted", AuditOutcome.GRANTED)
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(MAX_ROWS)
                .getResultList();
    }

    private static void condition(
            List<String> where, Map<String, Object> parameters, String clause, String name, Object value) {
        where.add(clause);
        parameters.put(name, value);
    }

    private static AuditEventView view(Object[] r) {
        return new AuditEventView(
                (Long) r[0],
                (Instant) r[1],
                (AuditType) r[2],
                (AuditOutcome) r[3],
                (String) r[4],
                (String) r[5],
                (String) r[6],
                (String) r[7],
                (String) r[8],
                (String) r[9],
                (Instant) r[10],
                (String) r[11],
                (String) r[12],
                (String) r[13],
                AuditEventView.detail((String) r[14]));
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
