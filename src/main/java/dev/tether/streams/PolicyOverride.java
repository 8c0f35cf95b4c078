package dev.tether.streams;

import dev.tether.security.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin's override of the default stream policy for one user or one SSO group. An interval or
 * grace left empty is the default's. Its subject is {@code user:<id>} or {@code group:<name>}.
 */
@Entity
@Table(name = "stream_policy")
public class PolicyOverride {

    private static final String USER_PREFIX = "user:";
    private static final String GROUP_PREFIX = "group:";

    @Id
    private String subject;

    @Column(name = "max_streams", nullable = false)
    private int maxStreams;

    @Column(nullable = false)
    private String mode;

    @Column(name = "heartbeat_seconds")
    private Integer heartbeatSeconds;

    @Column
    private Integer grace;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected PolicyOverride() {}

    private PolicyOverride(String subject) {
        this.subject = subject;
    }

    public static String userSubject(UserId user) {
        return USER_PREFIX + user.value();
    }

    public static String groupSubject(String group) {
        return GROUP_PREFIX + group;
    }

    public static PolicyOverride forSubject(String subject) {
        return new PolicyOverride(Objects.requireNonNull(subject));
    }

    /** Sets it, checked as a whole against the defaults it completes (a bad value is refused before it is stored). */
    public void set(
            int limit,
            StreamMode mode,
            Optional<Duration> interval,
            Optional<Integer> grace,
            Policy defaults,
            UserId admin,
            Instant now) {
        Policy.of(limit, mode, interval.orElse(defaults.heartbeatInterval()), grace.orElse(defaults.grace()), source());
        this.maxStreams = limit;
        this.mode = mode.text();
        this.heartbeatSeconds =
                interval.map(d -> Math.toIntExact(d.toSeconds())).orElse(null);
        this.grace = grace.orElse(null);
        this.updatedAt = now;
        this.updatedBy = admin.value();
    }

    /** The policy it makes of {@code defaults}. */
    public Policy over(Policy defaults) {
        return Policy.of(
                maxStreams,
                StreamMode.of(mode).orElse(defaults.mode()),
                heartbeatSeconds == null ? defaults.heartbeatInterval() : Duration.ofSeconds(heartbeatSeconds),
                grace == null ? defaults.grace() : grace,
                source());
    }

    /** {@code user} or {@code group:<name>}, as a policy's source. */
    public String source() {
        return subject.startsWith(USER_PREFIX) ? Policy.USER_SOURCE : subject;
    }

    public String subject() {
        return subject;
    }

    public boolean isUser() {
        return subject.startsWith(USER_PREFIX);
    }

    public int maxStreams() {
        return maxStreams;
    }

    public StreamMode mode() {
        return StreamMode.of(mode).orElse(StreamMode.BLOCK_NEW);
    }

    public Optional<Duration> heartbeatInterval() {
        return Optional.ofNullable(heartbeatSeconds).map(Duration::ofSeconds);
    }

    public Optional<Integer> grace() {
        return Optional.ofNullable(grace);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
