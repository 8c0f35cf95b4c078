package dev.tether.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default stream policy and the lease rules: each {@code tether.streams.*} key and its default,
 * declared here and nowhere else (the properties file repeats only the development values).
 */
@ApplicationScoped
public class StreamSettings {

    /** Bounds of what configuration and admins may set: sanity, not product rules. */
    public static final int MAX_LIMIT = 1000;

    public static final int MAX_GRACE = 100;
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);

    @Inject
    @ConfigProperty(name = "tether.streams.max-concurrent", defaultValue = "3")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "tether.streams.mode", defaultValue = "block-new")
    String mode;

    @Inject
    @ConfigProperty(name = "tether.streams.heartbeat-interval", defaultValue = "PT60S")
    Duration heartbeatInterval;

    @Inject
    @ConfigProperty(name = "tether.streams.grace", defaultValue = "3")
    int grace;

    @Inject
    @ConfigProperty(name = "tether.streams.exempt-content")
    Optional<String> exemptContent;

    @Inject
    @ConfigProperty(name = "tether.streams.retention", defaultValue = "P1D")
    Duration retention;

    /** The policy of a user no admin's override applies to; a bad value fails the first admission loudly. */
    public Policy defaults() {
        StreamMode parsed = StreamMode.of(mode)
                .orElseThrow(() ->
                        new IllegalStateException("tether.streams.mode must be block-new or stop-oldest, not " + mode));
        return Policy.of(maxConcurrent, parsed, heartbeatInterval, grace, Policy.DEFAULT_SOURCE);
    }

    /** Titles that open no lease and count against no limit (trailers, previews). */
    public Set<String> exemptContent() {
        return exemptContent
                .map(list -> Arrays.stream(list.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /** How long an ended or expired lease is kept, so that its player's next heartbeat hears 409, not 404. */
    public Duration retention() {
        return retention;
    }
}
