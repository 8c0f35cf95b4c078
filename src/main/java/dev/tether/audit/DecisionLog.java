package dev.tether.audit;

import dev.tether.platform.LogFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One log line per committed decision, so that a log pipeline sees the decisions beside the lines
 * about them: the outcome and the reason are the line's {@code decision} and {@code reason} fields
 * ({@link LogFields}), with the request's and the user's ids that the request bound already. The
 * audit trail stays the record; the line names no device, cookie or token. Counted after the
 * commit, as the metrics count them: a rolled-back decision has no line.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class.getName());

    void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecorded event) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(LogFields.DECISION, event.outcome().name());
        if (event.reasonCode() != null) {
            fields.put(LogFields.REASON, event.reasonCode());
        }
        try (LogFields.Scope decision = LogFields.with(fields)) {
            LOG.info(() -> "Decision " + event.type() + " " + event.outcome()
                    + (event.reasonCode() == null ? "" : " (" + event.reasonCode() + ")"));
        }
    }
}
