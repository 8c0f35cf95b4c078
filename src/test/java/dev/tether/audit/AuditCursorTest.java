package dev.tether.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditCursorTest {

    @Test
    void aCursorSurvivesTheRoundTripThroughItsText() {
        AuditCursor cursor = new AuditCursor(Instant.parse("2026-11-26T12:00:00.123456Z"), 9_876_543_210L);
        assertEquals(Optional.of(cursor), AuditCursor.decode(cursor.encode()));
    }

    @Test
    void textThatIsNoCursorIsRefused() {
        assertTrue(AuditCursor.decode("not base64 !").isEmpty());
        assertTrue(AuditCursor.decode("bm8gYmFy").isEmpty(), "base64 of 'no bar'");
        assertTrue(AuditCursor.decode(java.util.Base64.getUrlEncoder().encodeToString("yesterday|1".getBytes()))
                .isEmpty());
        assertTrue(AuditCursor.decode(
                        java.util.Base64.getUrlEncoder().encodeToString("2026-11-26T12:00:00Z|one".getBytes()))
                .isEmpty());
    }
}
