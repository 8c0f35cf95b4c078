package dev.tether.entitlement;

/**
 * A use case lost a race to a concurrent one on the same rows (another request resolved the same
 * cookie, or bound the same device, first). Its transaction rolls back; asking again sees the
 * winner's result.
 */
public class ConcurrentDecisionException extends RuntimeException {

    public ConcurrentDecisionException(Throwable cause) {
        super("concurrent update", cause);
    }
}
