package dev.tether.audit;

import dev.tether.platform.Refusal;

/**
 * Why the auditor's API refuses a query: a parameter it cannot read, answered 400 and named, since
 * an auditor who mistypes a filter must not read an unfiltered trail as the answer. A refused query
 * read nothing, so it is not audited; a query answered is ({@link AuditReads}).
 */
public enum AuditQueryRefusal implements Refusal {
    /** A page size out of bounds. */
    BAD_LIMIT,
    /** A cursor this API did not give out. */
    BAD_CURSOR,
    /** A time that is not an ISO-8601 instant. */
    BAD_TIME,
    /** A time range that is empty, reversed or too long. */
    BAD_TIME_RANGE,
    /** A filter that is blank or names no type or outcome. */
    BAD_FILTER,
    /** A range of sequence numbers that starts below 1 or ends before it starts. */
    BAD_SEQ_RANGE;

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }
}
