package dev.tether.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.platform.RequestIds;
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

    @Test
    void anEventTakenWhileServingARequestNamesItInItsHashedDetail() {
        AuditEvent bare;
        AuditEvent detailed;
        try (RequestIds.Scope bound = RequestIds.bind("4bf92f3577b34da6a3ce929d0e0e4736")) {
            bare = AuditEvent.granted(AuditType.REGISTRATION, NOW)
                    .request("6f1c2a9e-0b7d-4c38-9a51-2e7f0d4b8c11", "127.0.0.1")
                    .build();
            detailed = AuditEvent.granted(AuditType.REGISTRATION, NOW)
                    .detail(AuditDetail.of().put("activeDevices", 2))
                    .build();
        }
        AuditEvent outside = AuditEvent.granted(AuditType.REGISTRATION, NOW).build();

        assertEquals("6f1c2a9e-0b7d-4c38-9a51-2e7f0d4b8c11", bare.requestId(), "the SEES messageID stays");
        assertEquals("{\"httpRequestId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}", bare.detail());
        assertEquals("{\"activeDevices\":2,\"httpRequestId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}", detailed.detail());
        assertEquals(bare.detail(), bare.ledgerRecord(1).detail(), "the chain commits to it");
        assertEquals(null, outside.detail());
    }

    @Test
    void theRequestIdNeverPushesADetailOverItsColumn() {
        String full = "x".repeat(AuditDetail.MAX_LENGTH - 20);
        AuditEvent event;
        try (RequestIds.Scope bound = RequestIds.bind("4bf92f3577b34da6a3ce929d0e0e4736")) {
            event = AuditEvent.granted(AuditType.REGISTRATION, NOW)
                    .detail(AuditDetail.of().put("reason", full))
                    .build();
        }
        assertFalse(event.detail().contains("httpRequestId"));
    }
}
