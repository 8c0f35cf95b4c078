package dev.tether.audit.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One syslog message as RFC 5424 writes it, framed for TCP by octet counting (RFC 6587, 3.4.1,
 * the framing RFC 5425 prescribes for TLS): {@code LEN SP <PRI>1 TIMESTAMP HOSTNAME APP-NAME
 * PROCID MSGID SD MSG}. Facility 13 (log audit); severity 6 (informational) for an event and 5
 * (notice) for a checkpoint. MSG is the ledger's JSON line, UTF-8 without a byte-order mark, so a
 * SIEM can parse it as the JSON-lines stream's and verify it offline.
 */
public final class SyslogFormat {

    /** MSGID of an audit event's message. */
    public static final String EVENT = "audit-event";

    /** MSGID of a checkpoint's message. */
    public static final String CHECKPOINT = "audit-checkpoint";

    private static final int FACILITY_LOG_AUDIT = 13;
    private static final int SEVERITY_INFORMATIONAL = 6;
    private static final int SEVERITY_NOTICE = 5;
    private static final String APP_NAME = "tether";

    /** RFC 5424's TIMESTAMP: RFC 3339 in UTC, at most microseconds. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SyslogFormat() {}

    /** The framed message for {@code msgId} ({@link #EVENT} or {@link #CHECKPOINT}) carrying {@code json}. */
    public static byte[] frame(String msgId, Instant at, String hostname, String json) {
        int severity = CHECKPOINT.equals(msgId) ? SEVERITY_NOTICE : SEVERITY_INFORMATIONAL;
        String message = "<" + (FACILITY_LOG_AUDIT * 8 + severity) + ">1 " + TIMESTAMP.format(at) + " "
                + printable(hostname) + " " + APP_NAME + " - " + msgId + " - " + json;
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] length = (body.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[length.length + body.length];
        System.arraycopy(length, 0, framed, 0, length.length);
        System.arraycopy(body, 0, framed, length.length, body.length);
        return framed;
    }

    /** RFC 5424's HOSTNAME: 1 to 255 printable US-ASCII characters, or the nil value. */
    static String printable(String hostname) {
        if (hostname == null || hostname.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hostname.length() && out.length() < 255; i++) {
            char c = hostname.charAt(i);
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.toString();
    }
}
