package dev.tether.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import dev.tether.content.DrmRights;
import dev.tether.content.KeyMaterial;
import dev.tether.content.UnboundPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Widevine and PlayReady token requests by their documented parameter names (DOMAIN.md), and PlayReady's two answer forms. */
class DrmTokenParametersTest {

    private static final Instant NOW = Instant.parse("2026-04-14T12:00:00Z");
    private static final KeyMaterial KEY =
            new KeyMaterial("000102030405060708090a0b0c0d0e0f", "0f0e0d0c0b0a09080706050403020100");
    private static final String KID = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";

    @Test
    void widevineSendsItsRightsAndTheRentalAsLicenseDuration() {
        TokenRequest request = TokenRequest.timeBound(KEY, NOW.plus(Duration.ofHours(1)), Duration.ofHours(48))
                .forDrm(DrmRights.widevine(KID, 3, 2, UnboundPolicy.REFUSE));

        Map<String, String> sent = WidevineCalls.parameters(request, "1000,x", NOW);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("customerAuthenticator", "1000,x");
        expected.put("errorFormat", "json");
        expected.put("kid", KID);
        expected.put("contentKey", KEY.keyHex());
        expected.put("securityLevel", "3");
        expected.put("hdcpOutputControl", "2");
        expected.put("licenseDuration", Long.toString(48 * 3600));
        expected.put("expirationTime", "+3600");
        assertEquals(expected, sent);
        assertEquals(expected.keySet().stream().toList(), sent.keySet().stream().toList(), "in order");
    }

    @Test
    void widevineWithoutRentalSendsNoLicenseDurationAndNeverADevice() {
        DrmRights widevine = DrmRights.widevine("^some-title", 1, 0, UnboundPolicy.TIME_BOUND);
        TokenRequest request = TokenRequest.registration(
                        KEY, NOW.plusSeconds(60), new Cookie("c0ffee00c0ffee00c0ffee00"))
                .forDrm(widevine);

        Map<String, String> sent = WidevineCalls.parameters(request, "1000,x", NOW);

        assertFalse(sent.containsKey("licenseDuration"));
        assertFalse(sent.containsKey("deviceid"));
        assertEquals("c0ffee00c0ffee00c0ffee00", sent.get("cookie"));
        assertThrows(
                IllegalArgumentException.class,
                () -> TokenRequest.deviceBound(
                                KEY,
                                NOW.plusSeconds(60),
                                Duration.ZERO,
                                new Cookie("c0ffee00c0ffee00c0ffee00"),
                                new DeviceId("d".repeat(32)))
                        .forDrm(widevine),
                "a Widevine token cannot be asked for with a device restriction");
    }

    @Test
    void aPlayReadyRentalIsPersistentWithItsPeriodAndPlayDuration() {
        DrmRights playReady = DrmRights.playReady(KID, new DrmRights.Opl(201, 251, 501, 252, 301), "SDOnly", false);
        TokenRequest request = TokenRequest.deviceBound(
                        KEY,
                        NOW.plus(Duration.ofHours(1)),
                        Duration.ofHours(48),
                        new Cookie("c0ffee00c0ffee00c0ffee00"),
                        new DeviceId("0123456789abcdef0123456789abcdef"))
                .forDrm(playReady);

        Map<String, String> sent = PlayReadyCalls.parameters(request, "1000,x", "prdevice", NOW);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("customerAuthenticator", "1000,x");
        expected.put("errorFormat", "json");
        expected.put("kid", KID);
        expected.put("contentKey", KEY.keyHex());
        expected.put("rightsType", "Rental");
        expected.put("generalFlags", "00000001");
        expected.put("rental.periodEndTime", "+" + (3600 + 48 * 3600));
        expected.put("rental.playDuration", Long.toString(48 * 3600));
        expected.put("analogVideoOPL", "201");
        expected.put("compressedDigitalAudioOPL", "251");
        expected.put("compressedDigitalVideoOPL", "501");
        expected.put("uncompressedDigitalAudioOPL", "252");
        expected.put("uncompressedDigitalVideoOPL", "301");
        expected.put("unknownOutputBehavior", "SDOnly");
        expected.put("expirationTime", "+3600");
        expected.put("cookie", "c0ffee00c0ffee00c0ffee00");
        expected.put("prdevice", "0123456789abcdef0123456789abcdef");
        assertEquals(expected, sent);
        assertEquals(expected.keySet().stream().toList(), sent.keySet().stream().toList(), "in order");
    }

    @Test
    void aPlayReadyPurchaseIsPersistentOnlyWhenTheTitleAllowsOffline() {
        TokenRequest online = TokenRequest.timeBound(KEY, NOW.plusSeconds(60), Duration.ZERO)
                .forDrm(DrmRights.playReady(KID, DrmRights.Opl.DEFAULT, "Disallow", false));
        TokenRequest offline = online.forDrm(DrmRights.playReady(KID, DrmRights.Opl.DEFAULT, "Disallow", true));

        Map<String, String> onlineSent = PlayReadyCalls.parameters(online, "1000,x", "deviceid", NOW);
        Map<String, String> offlineSent = PlayReadyCalls.parameters(offline, "1000,x", "deviceid", NOW);

        assertEquals("BuyToOwn", onlineSent.get("rightsType"));
        assertFalse(onlineSent.containsKey("generalFlags"));
        assertFalse(onlineSent.containsKey("rental.periodEndTime"));
        assertEquals("00000001", offlineSent.get("generalFlags"));
        assertEquals("300", onlineSent.get("uncompressedDigitalVideoOPL"), "the safe default: HDCP engaged");
    }

    @Test
    void playReadysAnswerIsReadAsTheSampleJsonOrAsATokenUrl() {
        TokenUrl fromJson = PlayReadyCalls.read(
                "{\"licenseAcquisitionUrl\": \"https://pr.example/LicensingService.ashx\", \"token\": \"ab+c/d=\"}",
                false);
        TokenUrl fromUri = PlayReadyCalls.read(
                "https://pr.example/LicensingService.ashx?ExpressPlayToken=ab%2Bc%2Fd%3D\r\n", false);

        for (TokenUrl url : new TokenUrl[] {fromJson, fromUri}) {
            assertEquals(
                    Optional.of(new TokenUrl.PlayReadyLicense("https://pr.example/LicensingService.ashx", "ab+c/d=")),
                    url.playReady());
            assertEquals("https://pr.example/LicensingService.ashx?ExpressPlayToken=ab%2Bc%2Fd%3D", url.value());
        }
        assertThrows(ExpressPlayMisbehavedException.class, () -> PlayReadyCalls.read("{\"token\": \"x\"}", false));
        assertThrows(
                ExpressPlayMisbehavedException.class,
                () -> PlayReadyCalls.read(
                        "{\"licenseAcquisitionUrl\": \"http://pr.example/x\", \"token\": \"x\"}", false),
                "an http license acquisition URL outside the development run");
    }
}
