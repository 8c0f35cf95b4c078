package dev.tether.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which audit events a search, or an export, is about: any combination of user, device, content,
 * types, outcome and a half-open time range [from, to). Absent parts do not filter.
 */
public record AuditFilter(
        Optional<String> user,
        Optional<String> device,
        Optional<String> content,
        Set<AuditType> types,
        Optional<AuditOutcome> outcome,
        Optional<Instant> from,
        Optional<Instant> to) {

    public AuditFilter {
        Objects.requireNonNull(user);
        Objects.requireNonNull(device);
        Objects.requireNonNull(content);
        types = Set.copyOf(types);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** Every event. */
    public static AuditFilter all() {
        return new AuditFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
