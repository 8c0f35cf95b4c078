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

    /** The filter as an audit detail, for the event that records who searched for what. */
    public AuditDetail detail() {
        AuditDetail detail = AuditDetail.of();
        user.ifPresent(v -> detail.put("user", v));
        device.ifPresent(v -> detail.put("device", v));
        content.ifPresent(v -> detail.put("content", v));
        if (!types.isEmpty()) {
            detail.put(
                    "types",
                    String.join(",", types.stream().map(Enum::name).sorted().toList()));
        }
        outcome.ifPresent(v -> detail.put("outcome", v.name()));
        from.ifPresent(v -> detail.put("from", v));
        to.ifPresent(v -> detail.put("to", v));
        return detail;
    }
}
