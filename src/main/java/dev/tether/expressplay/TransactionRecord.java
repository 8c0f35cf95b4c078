package dev.tether.expressplay;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One event of ExpressPlay's transaction history as {@link TransactionRecords} read it from a
 * record retrieval answer whose schema is not documented (DOMAIN.md): each field is what the
 * reader found under one of the candidate member names, or empty. The member names as written
 * and the record's text values are kept so that a record that cannot be read can still be
 * recognised as one about a cookie, and reported by its shape, never by its values.
 *
 * @param eventId the event's id, numeric or text, as text
 * @param time when the event happened, from an ISO-8601 text or an epoch number
 * @param cookie the cookie the redeemed token carried
 * @param eventType ExpressPlay's kind of event, as written
 * @param deviceId the device id as written, not yet checked
 * @param memberNames the record's member names, in the order written
 * @param texts the record's text values, to recognise a cookie written under an unknown name
 */
public record TransactionRecord(
        Optional<String> eventId,
        Optional<Instant> time,
        Optional<String> cookie,
        Optional<String> eventType,
        Optional<String> deviceId,
        List<String> memberNames,
        Set<String> texts) {

    public TransactionRecord {
        memberNames = List.copyOf(memberNames);
        texts = Set.copyOf(texts);
    }

    /** Whether the record says it is about {@code value}: its cookie member holds it. */
    public boolean isFor(String value) {
        return cookie.filter(value::equals).isPresent();
    }

    /** Whether {@code value} is one of the record's texts, under whatever name. */
    public boolean mentions(String value) {
        return texts.contains(value);
    }
}
