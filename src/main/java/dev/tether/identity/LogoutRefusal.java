package dev.tether.identity;

import dev.tether.platform.Refusal;

/**
 * Why a back-channel logout request is refused: each is answered 400 with {@code error}
 * {@code invalid_request} (OpenID Connect Back-Channel Logout 1.0 section 2.8), its name the
 * audit trail's reason code.
 */
public enum LogoutRefusal implements Refusal {
    MISSING_LOGOUT_TOKEN,
    MALFORMED_LOGOUT_TOKEN,
    BAD_SIGNATURE,
    WRONG_ISSUER,
    WRONG_AUDIENCE,
    STALE_OR_FUTURE_IAT,
    EXPIRED,
    NO_LOGOUT_EVENT,
    NONCE_PRESENT,
    NO_SID_OR_SUB,
    NO_JTI,
    REPLAYED;

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }

    @Override
    public String slug() {
        return "logout-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
