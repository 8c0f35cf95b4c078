package dev.tether.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static final Instant NOW = Instant.parse("2026-04-14T12:00:00Z");
    private static final String URL = "https://fp.service.expressplay.com/hms/fp/rights/?ExpressPlayToken=AAAA";

    @Test
    void aGrantKeepsTheTokensFingerprintNotTheToken() {
        AuditEvent event = AuditEvent.granted(AuditType.TIME_BASED_TOKEN, NOW)
                .user("alice")
                .token(URL, NOW)
                .build();

        assertEquals(TokenFingerprint.of(URL), event.tokenFingerprint());
        assertEquals(32, event.tokenFingerprint().length());
        assertFalse(event.tokenFingerprint().contains("ExpressPlayToken"));
    }

    @Test
    void aRefusalNeedsAReasonAndIssuesNoToken() {
        assertThrows(
                IllegalArgumentException.class,
                () -> AuditEvent.refused(AuditType.DEVICE_BOUND_TOKEN, null, NOW)
                        .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> AuditEvent.refused(AuditType.DEVICE_BOUND_TOKEN, "NOT_REGISTERED", NOW)
                        .token(URL, NOW)
                        .build());
    }

    @Test
    void longRequestFactsAreCutToTheirColumns() {
        AuditEvent event = AuditEvent.granted(AuditType.REGISTRATION, NOW)
                .request("r".repeat(100), "a".repeat(100))
                .build();

        assertEquals(64, event.requestId().length());
        assertEquals(64, event.clientAddress().length());
    }
}
