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
    static final int RIGHTS_TYPE_MISSING = -2020;
    static final int RIGHTS_TYPE_INVALID = -2021;
    static final int RENTAL_PERIOD_INVALID = -2022;
    static final int RENTAL_PLAY_DURATION_INVALID = -2023;
    static final int RENTAL_NOT_PERSISTENT = -2025;
    static final int OUTPUT_CONTROL_OUT_OF_RANGE = -2034;
    static final int DEVICE_NOT_AUTHENTICATED = -4001;
    static final int KEY_ID_INVALID = -4018;
    static final int UNKNOWN_OUTPUT_TYPE = -5001;
    static final int PLAYREADY_DISABLED = -5002;
    static final int GENERAL_FLAGS_INVALID = -5003;
    static final int DEVICE_ID_NOT_32_HEX = -5004;
    static final int DEVICE_ID_INVALID = -5005;
    static final int OPL_MISSING = -5006;
    static final int WIDEVINE_DEVICE_BINDING_UNSUPPORTED = -7002;
    static final int SECURITY_LEVEL_MISSING = -7003;
    static final int SECURITY_LEVEL_INVALID = -7004;
    static final int HDCP_INVALID = -7006;
    static final int LICENSE_DURATION_INVALID = -7007;
    static final int LICENSE_GENERATION_FAILED = -7008;
    static final int WIDEVINE_DISABLED = -7011;

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
            Map.entry(FAIRPLAY_DISABLED, "FairPlay is disabled"),
            Map.entry(RIGHTS_TYPE_MISSING, "Rights type missing"),
            Map.entry(RIGHTS_TYPE_INVALID, "Invalid rights type"),
            Map.entry(RENTAL_PERIOD_INVALID, "Invalid rental period end time"),
            Map.entry(RENTAL_PLAY_DURATION_INVALID, "Invalid rental play duration"),
            Map.entry(RENTAL_NOT_PERSISTENT, "A rental license must be persistent"),
            Map.entry(OUTPUT_CONTROL_OUT_OF_RANGE, "Output control value out of range"),
            Map.entry(DEVICE_NOT_AUTHENTICATED, "Device could not be authenticated"),
            Map.entry(KEY_ID_INVALID, "Invalid kid"),
            Map.entry(UNKNOWN_OUTPUT_TYPE, "Unknown output type"),
            Map.entry(PLAYREADY_DISABLED, "PlayReady is disabled"),
            Map.entry(GENERAL_FLAGS_INVALID, "Invalid general flags"),
            Map.entry(DEVICE_ID_NOT_32_HEX, "Device ID must be 32 hexadecimal characters long"),
            Map.entry(DEVICE_ID_INVALID, "Invalid device ID"),
            Map.entry(OPL_MISSING, "Missing output protection level"),
            Map.entry(WIDEVINE_DEVICE_BINDING_UNSUPPORTED, "Device ID binding is not supported for Widevine"),
            Map.entry(SECURITY_LEVEL_MISSING, "Security level missing"),
            Map.entry(SECURITY_LEVEL_INVALID, "Invalid security level"),
            Map.entry(HDCP_INVALID, "Invalid HDCP output control"),
            Map.entry(LICENSE_DURATION_INVALID, "Invalid license duration"),
            Map.entry(LICENSE_GENERATION_FAILED, "License generation failed"),
            Map.entry(WIDEVINE_DISABLED, "Widevine is disabled"));

    private ErrorCodes() {}

    static String message(int code) {
        return MESSAGES.getOrDefault(code, "Error");
    }
}
