package dev.tether.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import dev.tether.content.KeyMaterial;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tether's adapter against ExpressPlay's documented contract, transcribed into the fixtures in
 * src/test/resources/expressplay/contract (each names its source, and marks what is assumed).
 */
class ExpressPlayContractTest {

    private static final Instant NOW = Instant.parse("2026-04-14T12:00:00Z");

    @Test
    void aDeviceBoundTokenRequestUsesOnlyTheDocumentedParameterNames() {
        JsonObject fixture = fixture("fairplay-token-request.json");
        List<String> documented = fixture.getJsonArray("parameters").stream()
                .map(p -> p.asJsonObject().getString("name"))
                .toList();
        TokenRequest request = TokenRequest.deviceBound(
                new KeyMaterial("000102030405060708090a0b0c0d0e0f", "0f0e0d0c0b0a09080706050403020100"),
                NOW.plus(Duration.ofHours(1)),
                Duration.ofDays(1),
                new Cookie("c0ffee00c0ffee00c0ffee00"),
                new DeviceId("cccccccccccccccccccccccccccccccccccccccc"));

        Map<String, String> sent =
                ExpressPlayCalls.parameters(request, "1000,00112233445566778899aabbccddeeff", "deviceid", NOW);

        assertEquals(documented, List.copyOf(sent.keySet()), "every parameter by its documented name");
        for (JsonValue p : fixture.getJsonArray("parameters")) {
            JsonObject parameter = p.asJsonObject();
            assertEquals(parameter.getString("sample"), sent.get(parameter.getString("name")), parameter.toString());
        }
    }

    @Test
    void aTimeBasedTokenRequestCarriesNoCookieAndNoDeviceRestriction() {
        TokenRequest request = TokenRequest.timeBound(
                new KeyMaterial("000102030405060708090a0b0c0d0e0f", "0f0e0d0c0b0a09080706050403020100"),
                NOW.plus(Duration.ofDays(30)),
                Duration.ZERO);

        Map<String, String> sent = ExpressPlayCalls.parameters(request, "1000,x", "deviceid", NOW);

        assertFalse(sent.containsKey("cookie"));
        assertFalse(sent.containsKey("deviceid"));
        assertFalse(sent.containsKey("rentalDuration"), "0, the default, is not sent");
        assertEquals("+2592000", sent.get("expirationTime"), "30 days, ExpressPlay's limit, in the relative form");
    }

    @Test
    void everyDocumentedErrorIsReadWithItsCodeAndMessageByItsStatus() {
        JsonObject fixture = fixture("fairplay-token-errors.json");
        for (JsonValue e : fixture.getJsonArray("errors")) {
            JsonObject error = e.asJsonObject();
            int code = error.getInt("code");
            String body = Json.createObjectBuilder()
                    .add("errorCode", code)
                    .add("errorMessage", error.getString("message"))
                    .build()
                    .toString();

            ExpressPlayException read = ExpressPlayErrorMapper.classify(error.getInt("status"), body);

            if (error.getInt("status") == 401) {
                ExpressPlayMisconfiguredException fault =
                        assertInstanceOf(ExpressPlayMisconfiguredException.class, read);
                assertEquals(code, fault.errorCode());
                assertEquals(error.getString("message"), fault.expressPlayMessage());
            } else {
                ExpressPlayRefusedException refusal = assertInstanceOf(ExpressPlayRefusedException.class, read);
                assertEquals(code, refusal.errorCode());
                assertEquals(error.getString("message"), refusal.expressPlayMessage());
                assertEquals(code == -6008, refusal.isDeviceBindingUnsupported());
                assertFalse(ExpressPlayErrors.meaning(code).equals("ExpressPlay error"), "a meaning for " + code);
            }
        }
    }

    @Test
    void statusesDecideWhatABodyCannot() {
        assertInstanceOf(ExpressPlayRefusedException.class, ExpressPlayErrorMapper.classify(400, "<html>bad</html>"));
        assertEquals(
                ExpressPlayRefusedException.UNREADABLE_CODE,
                ((ExpressPlayRefusedException) ExpressPlayErrorMapper.classify(400, "")).errorCode());
        assertInstanceOf(ExpressPlayMisconfiguredException.class, ExpressPlayErrorMapper.classify(401, ""));
        for (int transientStatus : List.of(502, 503, 504)) {
            ExpressPlayException e = ExpressPlayErrorMapper.classify(transientStatus, "");
            assertEquals(ExpressPlayUnavailableException.class, e.getClass(), "retried: " + transientStatus);
        }
        for (int other : List.of(404, 500, 403, 418)) {
            assertInstanceOf(ExpressPlayMisbehavedException.class, ExpressPlayErrorMapper.classify(other, ""));
        }
        // A code given as a numeric string is read too; a fraction is not a code.
        assertEquals(
                -2019,
                ((ExpressPlayRefusedException) ExpressPlayErrorMapper.classify(400, "{\"errorCode\": \"-2019\"}"))
                        .errorCode());
        assertEquals(
                0,
                ((ExpressPlayRefusedException) ExpressPlayErrorMapper.classify(400, "{\"errorCode\": -2019.5}"))
                        .errorCode());
    }

    @Test
    void tokenUrlSamplesAreHandedOutOnlyOverHttps() {
        for (JsonValue s : fixture("token-urls.json").getJsonArray("samples")) {
            JsonObject sample = s.asJsonObject();
            String url = sample.getString("body").strip();
            assertEquals(sample.getBoolean("handedOut"), TokenCalls.isTokenUrl(url, false), url);
            assertEquals(
                    sample.getBoolean("inDevelopment", sample.getBoolean("handedOut")),
                    TokenCalls.isTokenUrl(url, true),
                    url);
        }
    }

    @Test
    void expressPlaysMessagesAreStrippedOfSecretsBeforeTheyAreLoggedOrAudited() {
        String echoed = "Customer authenticator invalid: 1000,00112233445566778899AABBCCDDEEFF for key "
                + "000102030405060708090a0b0c0d0e0f at https://x/?ExpressPlayToken=QUJDREVGR0g&y=1\n\u202eevil";

        String clean = ExpressPlayMessages.clean(echoed);

        assertFalse(clean.contains("00112233445566778899"), clean);
        assertFalse(clean.contains("000102030405060708090a0b0c0d0e0f"), clean);
        assertFalse(clean.contains("QUJDREVGR0g"), clean);
        assertFalse(clean.contains("\n") || clean.contains("\u202e"), clean);
        assertTrue(clean.startsWith("Customer authenticator invalid"), clean);
        assertTrue(ExpressPlayMessages.clean("x".repeat(500)).length() <= ExpressPlayMessages.MAX_LENGTH + 1);
        assertEquals("", ExpressPlayMessages.clean(null));
    }

    static JsonObject fixture(String name) {
        try (InputStream in = ExpressPlayContractTest.class.getResourceAsStream("/expressplay/contract/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return Json.createReader(in).readObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
