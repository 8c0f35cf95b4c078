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
    public static final int RIGHTS_TYPE_MISSING = -2020;
    public static final int RIGHTS_TYPE_INVALID = -2021;
    public static final int RENTAL_PERIOD_INVALID = -2022;
    public static final int RENTAL_PLAY_DURATION_INVALID = -2023;
    public static final int RENTAL_NOT_PERSISTENT = -2025;
    public static final int OUTPUT_CONTROL_OUT_OF_RANGE = -2034;
    public static final int DEVICE_NOT_AUTHENTICATED = -4001;
    public static final int PLAYREADY_DISABLED = -5002;
    public static final int PLAYREADY_DEVICE_ID_SHAPE = -5004;
    public static final int PLAYREADY_DEVICE_ID_INVALID = -5005;
    public static final int PLAYREADY_OPL_MISSING = -5006;
    public static final int WIDEVINE_DEVICE_BINDING_UNSUPPORTED = -7002;
    public static final int WIDEVINE_SECURITY_LEVEL_MISSING = -7003;
    public static final int WIDEVINE_SECURITY_LEVEL_INVALID = -7004;
    public static final int WIDEVINE_HDCP_INVALID = -7006;
    public static final int WIDEVINE_LICENSE_DURATION_INVALID = -7007;
    public static final int WIDEVINE_DISABLED = -7011;

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
            Map.entry(FAIRPLAY_DISABLED, "FairPlay is disabled for this ExpressPlay account"),
            Map.entry(RIGHTS_TYPE_MISSING, "PlayReady rights type missing"),
            Map.entry(RIGHTS_TYPE_INVALID, "PlayReady rights type invalid"),
            Map.entry(RENTAL_PERIOD_INVALID, "PlayReady rental period end time invalid"),
            Map.entry(RENTAL_PLAY_DURATION_INVALID, "PlayReady rental play duration invalid"),
            Map.entry(RENTAL_NOT_PERSISTENT, "a PlayReady rental must be a persistent license"),
            Map.entry(OUTPUT_CONTROL_OUT_OF_RANGE, "output protection level out of range"),
            Map.entry(DEVICE_NOT_AUTHENTICATED, "the device could not be authenticated"),
            Map.entry(PLAYREADY_DISABLED, "PlayReady is disabled for this ExpressPlay account"),
            Map.entry(PLAYREADY_DEVICE_ID_SHAPE, "a PlayReady device id must be 32 hex digits"),
            Map.entry(PLAYREADY_DEVICE_ID_INVALID, "invalid PlayReady device id"),
            Map.entry(PLAYREADY_OPL_MISSING, "a PlayReady output protection level is missing"),
            Map.entry(WIDEVINE_DEVICE_BINDING_UNSUPPORTED, "device binding is not supported for Widevine"),
            Map.entry(WIDEVINE_SECURITY_LEVEL_MISSING, "Widevine security level missing"),
            Map.entry(WIDEVINE_SECURITY_LEVEL_INVALID, "Widevine security level invalid"),
            Map.entry(WIDEVINE_HDCP_INVALID, "Widevine HDCP output control invalid"),
            Map.entry(WIDEVINE_LICENSE_DURATION_INVALID, "Widevine license duration invalid"),
            Map.entry(WIDEVINE_DISABLED, "Widevine is disabled for this ExpressPlay account"));

    private ExpressPlayErrors() {}

    public static String meaning(int code) {
        return MEANINGS.getOrDefault(code, "ExpressPlay error");
    }
}
