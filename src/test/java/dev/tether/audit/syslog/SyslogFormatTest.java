package dev.tether.audit.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyslogFormatTest {

    @Test
    void anEventIsAnOctetCountedRfc5424MessageOfFacilityLogAudit() {
        String json = "{\"seq\":7,\"label\":\"Küche\"}";
        byte[] framed =
                SyslogFormat.frame(SyslogFormat.EVENT, Instant.parse("2026-12-01T10:15:30.123456789Z"), "node-a", json);
        String text = new String(framed, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        int length = Integer.parseInt(text.substring(0, space));
        String message = text.substring(space + 1);
        assertEquals(framed.length - space - 1, length, "the count is of octets, not characters");
        assertEquals("<110>1 2026-12-01T10:15:30.123456Z node-a tether - audit-event - " + json, message);
    }

    @Test
    void aCheckpointIsANotice() {
        String text = new String(
                SyslogFormat.frame(SyslogFormat.CHECKPOINT, Instant.EPOCH, "node-a", "{}"), StandardCharsets.UTF_8);
        assertTrue(text.contains(" <109>1 1970-01-01T00:00:00.000000Z node-a tether - audit-checkpoint - {}"), text);
    }

    @Test
    void theHostnameIsPrintableAsciiOrTheNilValue() {
        assertEquals("-", SyslogFormat.printable(""));
        assertEquals("-", SyslogFormat.printable(null));
        assertEquals("a_b_c", SyslogFormat.printable("a b\u00e9c"));
        assertEquals(255, SyslogFormat.printable("x".repeat(300)).length());
    }

    @Test
    void theCollectorIsTlsOrTcpWithHostAndPort() {
        assertEquals(
                new SyslogSettings.Collector(true, "siem.example.com", 6514),
                SyslogSettings.Collector.parse("tls://siem.example.com:6514"));
        assertEquals(
                new SyslogSettings.Collector(false, "127.0.0.1", 5514),
                SyslogSettings.Collector.parse(" tcp://127.0.0.1:5514 "));
        for (String wrong : new String[] {"udp://siem:514", "siem:514", "tls://siem", "https://siem:443"}) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> SyslogSettings.Collector.parse(wrong));
            assertTrue(refused.getMessage().contains(SyslogSettings.URL), refused.getMessage());
        }
    }
}
