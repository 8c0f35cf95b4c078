package dev.tether.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the trail's newest-first order: the (time, id) of the last event a page showed.
 * The next page holds the events strictly after it in that order, so events that arrive while a
 * client pages through (they are newer, hence before the first page) never shift a later page.
 * Opaque to clients: its text is base64url and may change.
 */
public record AuditCursor(Instant occurredAt, long id) {

    public static AuditCursor after(AuditEventView event) {
        return new AuditCursor(event.occurredAt(), event.id());
    }

    public String encode() {
        String plain = occurredAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or empty if the text is not one Tether made. */
    public static Optional<AuditCursor> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0) {
                return Optional.empty();
            }
            Instant at = Instant.parse(plain.substring(0, bar));
            if (!AuditSearchParams.inRange(at)) {
                return Optional.empty();
            }
            return Optional.of(new AuditCursor(at, Long.parseLong(plain.substring(bar + 1))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
