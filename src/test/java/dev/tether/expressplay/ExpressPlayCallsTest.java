package dev.tether.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressPlayCallsTest {

    private static final Instant NOW = Instant.parse("2026-04-14T12:00:00.250Z");

    @Test
    void expirationTimesAreSentAsSecondsFromNow() {
        assertEquals("+3600", ExpressPlayCalls.relative(NOW.plus(Duration.ofHours(1)), NOW));
        assertEquals("+2592000", ExpressPlayCalls.relative(NOW.plus(Duration.ofDays(30)), NOW));
        // A retry late in a short window still asks for the time left, never for none.
        assertEquals("+2", ExpressPlayCalls.relative(NOW.plusMillis(2_900), NOW));
        assertEquals("+1", ExpressPlayCalls.relative(NOW.minusSeconds(5), NOW));
    }

    @Test
    void outsideDevelopmentOnlyHttpsTokenUrlsAreHandedOut() {
        String https = "https://fp.service.expressplay.com:80/hms/fp/rights/?ExpressPlayToken=x";
        String http = "http://fp.service.expressplay.com:80/hms/fp/rights/?ExpressPlayToken=x";
        assertTrue(TokenCalls.isTokenUrl(https, false));
        assertFalse(TokenCalls.isTokenUrl(http, false));
        assertTrue(TokenCalls.isTokenUrl(http, true));
        assertFalse(TokenCalls.isTokenUrl("<html>error</html>", true));
        assertFalse(TokenCalls.isTokenUrl("", true));
    }

    @Test
    void theFormBodyIsEncodedAsTheFormWriterEncodesIt() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("customerAuthenticator", "1000,00ff");
        parameters.put("cookie", "a b&c=d");
        parameters.put("name é", "+/?");
        assertEquals(
                "customerAuthenticator=1000%2C00ff&cookie=a+b%26c%3Dd&name+%C3%A9=%2B%2F%3F",
                ExpressPlayCalls.form(parameters));
        assertEquals("", ExpressPlayCalls.form(Map.of()));
    }
}
