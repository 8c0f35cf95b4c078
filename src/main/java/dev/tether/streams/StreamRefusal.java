package dev.tether.streams;

import dev.tether.platform.Refusal;

/**
 * Why the stream APIs refuse a request. The name is the audit trail's reason code; the slug names
 * the problem type ({@code https://tether.dev/problems/stream-ended} tells a player to stop).
 */
public enum StreamRefusal implements Refusal {
    /** The path names a user id that cannot be one. */
    INVALID_USER,
    /** No such lease, or someone else's: never "forbidden". */
    UNKNOWN_STREAM,
    /** The lease was ended (by its user, stop-oldest, an admin, a revocation or a reset) or expired. */
    STREAM_ENDED,
    /** A policy an admin set is out of bounds, or names a group that cannot be one. */
    INVALID_POLICY;

    @Override
    public Kind kind() {
        return switch (this) {
            case UNKNOWN_STREAM -> Kind.NOT_FOUND;
            case STREAM_ENDED -> Kind.CONFLICT;
            case INVALID_POLICY, INVALID_USER -> Kind.INVALID;
        };
    }
}
