package dev.tether.audit.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyslogCursorTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private static SyslogCursor fresh() throws ReflectiveOperationException {
        SyslogCursor cursor = new SyslogCursor();
        Field id = SyslogCursor.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(cursor, SyslogCursor.ROW);
        return cursor;
    }

    @Test
    void oneNodeHoldsTheCursorUntilItsLeaseRunsOut() throws Exception {
        SyslogCursor cursor = fresh();
        assertTrue(cursor.claim("a", T0, LEASE).isPresent());
        assertTrue(cursor.claim("b", T0.plusSeconds(29), LEASE).isEmpty(), "a's lease runs");
        assertTrue(cursor.claim("a", T0.plusSeconds(29), LEASE).isPresent(), "a may renew its own");
        assertEquals(
                0, cursor.claim("b", T0.plusSeconds(60), LEASE).orElseThrow().deliveredSeq(), "then b may");
    }

    @Test
    void onlyTheHolderAdvancesTheCursorAndItNeverGoesBack() throws Exception {
        SyslogCursor cursor = fresh();
        cursor.claim("a", T0, LEASE);
        cursor.claim("b", T0.plusSeconds(31), LEASE);
        assertFalse(cursor.delivered("a", 10, 2, T0.plusSeconds(32)), "a lost its claim: its batch goes again");
        assertTrue(cursor.delivered("b", 10, 2, T0.plusSeconds(32)));
        assertTrue(cursor.delivered("b", 5, 1, T0.plusSeconds(33)));
        SyslogCursor.Claim next = cursor.claim("b", T0.plusSeconds(34), LEASE).orElseThrow();
        assertEquals(10, next.deliveredSeq());
        assertEquals(2, next.deliveredCheckpointSeq());
    }

    @Test
    void aFailureFreesTheClaimAndIsKeptUntilTheNextDelivery() throws Exception {
        SyslogCursor cursor = fresh();
        cursor.claim("a", T0, LEASE);
        cursor.failed("a", "ConnectException: " + "x".repeat(400), T0.plusSeconds(1));
        assertEquals(255, cursor.lastError().length());
        assertTrue(cursor.claim("b", T0.plusSeconds(2), LEASE).isPresent(), "any node may try at once");
        cursor.delivered("b", 3, 0, T0.plusSeconds(3));
        assertEquals(null, cursor.lastError());
        assertEquals(T0.plusSeconds(3), cursor.deliveredAt());
    }
}
