package dev.tether.expressplay;

import java.util.regex.Pattern;

/**
 * ExpressPlay's own error messages, made safe to log and to audit: an error text may echo what it
 * was sent, so anything shaped like a customer authenticator, a key or IV, or a token is replaced,
 * control characters go, and the text is bounded.
 */
final class ExpressPlayMessages {

    static final int MAX_LENGTH = 200;

    private static final Pattern AUTHENTICATOR = Pattern.compile("\\d+\\s*,\\s*[0-9a-fA-F]{32}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{32,}");
    private static final Pattern TOKEN = Pattern.compile("(?i)(ExpressPlayToken=)[^\\s&\"'<]+");
    private static final Pattern LONG_BASE64 = Pattern.compile("[A-Za-z0-9+/_=-]{40,}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\u2028\\u2029]+");

    private ExpressPlayMessages() {}

    static String clean(String message) {
        if (message == null) {
            return "";
        }
        String text = CONTROL.matcher(message).replaceAll(" ");
        text = AUTHENTICATOR.matcher(text).replaceAll("[authenticator]");
        text = TOKEN.matcher(text).replaceAll("$1[token]");
        text = HEX.matcher(text).replaceAll("[hex]");
        text = LONG_BASE64.matcher(text).replaceAll("[redacted]");
        text = text.strip();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }
}
