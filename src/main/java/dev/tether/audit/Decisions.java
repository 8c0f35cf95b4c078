package dev.tether.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The decision the current request's use case is taking, so that a refusal thrown anywhere below
 * it (an entity, a repository, a remote call) is recorded with the facts the use case gathered.
 */
@RequestScoped
public class Decisions {

    private Decision current;
    private int depth;

    /** Starts the use case's decision of {@code type}; it replaces any earlier one of this request. */
    public Decision open(AuditType type) {
        current = new Decision(type);
        return current;
    }

    /** Makes {@code decision} the one a refusal is recorded against from now on. */
    public Decision use(Decision decision) {
        current = decision;
        return decision;
    }

    Optional<Decision> current() {
        return Optional.ofNullable(current);
    }

    /** Enters a use case; true for the outermost one, which owns the decision. */
    boolean enter() {
        return depth++ == 0;
    }

    /** Leaves a use case; the outermost one's decision ends with it. */
    void exit() {
        if (--depth == 0) {
            current = null;
        }
    }
}
