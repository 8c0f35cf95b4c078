package dev.tether.expressplay;

import java.util.Map;

/** ExpressPlay's error codes (DOMAIN.md) and what each means in words a user or operator can act on. */
public final class ExpressPlayErrors {

    public static final int BAD_EXPIRATION = -2002;
    public static final int BAD_CONTENT_KEY = -2005;
    public static final int AUTHENTICATOR_MISSING = -2017;
    public static final int AUTHENTICATOR_INVALID = -2018;
    public static final int OUT_OF_TOKENS = -2019;
    public static final int CONTENT_KEY_NOT_HEX = -2027;
    public static final int ACCOUNT_DISABLED = -2031;
    public static final int INVALID_COOKIE = -2033;
    public static final int INVALID_TOKEN = -4010;
    public static final int BAD_IV = -6003;
    public static final int CKC_FAILED = -6004;
    public static final int BAD_RENTAL_DURATION = -6007;
    public static final int DEVICE_BINDING_UNSUPPORTED = -6008;
    public static final int FAIRPLAY_DISABLED = -6009;

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(BAD_EXPIRATION, "invalid expiration time"),
            Map.entry(BAD_CONTENT_KEY, "invalid content key"),
            Map.entry(AUTHENTICATOR_MISSING, "customer authenticator missing"),
            Map.entry(AUTHENTICATOR_INVALID, "customer authenticator invalid"),
            Map.entry(OUT_OF_TOKENS, "the ExpressPlay account has no tokens left"),
            Map.entry(CONTENT_KEY_NOT_HEX, "content key is not 32 hex digits"),
            Map.entry(ACCOUNT_DISABLED, "the ExpressPlay account is disabled"),
            Map.entry(INVALID_COOKIE, "invalid cookie"),
            Map.entry(INVALID_TOKEN, "invalid token"),
            Map.entry(BAD_IV, "invalid IV"),
            Map.entry(CKC_FAILED, "license (CKC) generation failed"),
            Map.entry(BAD_RENTAL_DURATION, "invalid rental duration"),
            Map.entry(DEVICE_BINDING_UNSUPPORTED, "device binding is not supported by this ExpressPlay account"),
            Map.entry(FAIRPLAY_DISABLED, "FairPlay is disabled for this ExpressPlay account"));

    private ExpressPlayErrors() {}

    public static String meaning(int code) {
        return MEANINGS.getOrDefault(code, "ExpressPlay error");
    }
}
