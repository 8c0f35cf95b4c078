package dev.tether.platform;

import java.util.Locale;

/**
 * A reason for which a capability refuses a request, as a constant of that capability's enum
 * ({@code SeesError}, {@code DeviceRefusal}, ...). Its {@link #name()} is the reason code the
 * audit trail keeps; its {@link #kind()} and {@link #slug()} are all the HTTP edge needs to
 * answer it, so no service or entity knows a status code.
 */
public interface Refusal {

    /** The reason code in the audit trail: the enum constant's name. */
    String name();

    Kind kind();

    /** The last segment of the problem's stable {@code type} URI: by default the name, in lower case with dashes. */
    default String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What kind of refusal it is, in domain terms; the API's one mapper turns it into a status. */
    enum Kind {
        /** The request asks for something that cannot be (a value out of bounds). */
        INVALID,
        /** The caller may not do this, whatever the state. */
        FORBIDDEN,
        /** The thing does not exist, or is not the caller's to see. */
        NOT_FOUND,
        /** The thing's current state does not allow it (now or ever). */
        CONFLICT,
        /** The request is larger than the endpoint takes. */
        TOO_LARGE,
        /** The request comes in a form (an encoding) the endpoint does not take. */
        UNSUPPORTED
    }
}
