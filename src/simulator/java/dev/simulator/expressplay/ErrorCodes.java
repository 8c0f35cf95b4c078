package dev.simulator.expressplay;

import java.util.Map;

/**
 * ExpressPlay's error codes, written down here from ExpressPlay's documentation (DOMAIN.md), not
 * taken from Tether: where Tether misreads ExpressPlay, the simulator must not misread it too.
 */
final class ErrorCodes {

    static final int BAD_EXPIRATION = -2002;
    static final int BAD_CONTENT_KEY = -2005;
    static final int AUTHENTICATOR_MISSING = -2017;
    static final int AUTHENTICATOR_INVALID = -2018;
    static final int OUT_OF_TOKENS = -2019;
    static final int CONTENT_KEY_NOT_HEX = -2027;
    static final int ACCOUNT_DISABLED = -2031;
    static final int INVALID_COOKIE = -2033;
    static final int INVALID_TOKEN = -4010;
    static final int BAD_IV = -6003;
    static final int CKC_FAILED = -6004;
    static final int BAD_RENTAL_DURATION = -6007;
    static final int DEVICE_BINDING_UNSUPPORTED = -6008;
    static final int FAIRPLAY_DISABLED = -6009;

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(BAD_EXPIRATION, "Invalid expiration time"),
            Map.entry(BAD_CONTENT_KEY, "Invalid content key"),
            Map.entry(AUTHENTICATOR_MISSING, "Customer authenticator missing"),
            Map.entry(AUTHENTICATOR_INVALID, "Customer authenticator invalid"),
            Map.entry(OUT_OF_TOKENS, "Not enough tokens"),
            Map.entry(CONTENT_KEY_NOT_HEX, "Content key must be 32 hexadecimal characters"),
            Map.entry(ACCOUNT_DISABLED, "Account disabled"),
            Map.entry(INVALID_COOKIE, "Invalid cookie"),
            Map.entry(INVALID_TOKEN, "Invalid token"),
            Map.entry(BAD_IV, "Invalid IV"),
            Map.entry(CKC_FAILED, "CKC generation failed"),
            Map.entry(BAD_RENTAL_DURATION, "Invalid rental duration"),
            Map.entry(DEVICE_BINDING_UNSUPPORTED, "Device ID binding is not supported for FairPlay"),
            Map.entry(FAIRPLAY_DISABLED, "FairPlay is disabled"));

    private ErrorCodes() {}

    static String message(int code) {
        return MESSAGES.getOrDefault(code, "Error");
    }
}
