package dev.tether.it;

import static dev.tether.it.Auditor.withReasons;
import static dev.tether.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Device resolution against record retrieval as ExpressPlay documents it: a redemption may show in
 * the transaction history late (the simulator holds one back with a {@code HOLD_BACK} fault), and
 * the history shows only the latest events of a cookie, so a cookie whose registration token was
 * redeemed on two devices binds neither. Tether reads the simulator's snake_case answer.
 */
class RecordRetrievalIT extends FaultInjectingIT {

    /** Long enough for the first device-bound request to arrive while the redemption is held back. */
    private static final int HOLD_BACK_MS = 10_000;

    @Test
    void aRedemptionNotYetVisibleIsNotRedeemedYetThenTheDeviceBinds() throws Exception {
        String device = Player.newDevice();
        asFaultOperator.inject(
                admin,
                Json.createObjectBuilder()
                        .add("endpoint", "RIGHTS")
                        .add("kind", "HOLD_BACK")
                        .add("latencyMs", HOLD_BACK_MS)
                        .add("count", 1));
        String cookie = asPlayer.registerDevice(token, device);

        JsonObject early = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));
        assertFalse(early.getBoolean("isAllowed"), early.toString());
        assertEquals(3006, early.getInt("error"), "not redeemed yet, as far as ExpressPlay shows: " + early);

        List<JsonObject> answers = new ArrayList<>();
        JsonObject bound = eventually(
                Duration.ofSeconds(60),
                () -> {
                    JsonObject answer = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));
                    answers.add(answer);
                    return answer;
                },
                answer -> answer.getBoolean("isAllowed"));
        for (JsonObject answer : answers) {
            assertTrue(answer.getBoolean("isAllowed") || answer.getInt("error") == 3006, answer.toString());
        }

        HttpResponse<byte[]> license =
                asPlayer.redeem(bound.getString("epTokenURL"), asPlayer.spc(device, "demo-movie"));
        assertEquals(200, license.statusCode());
        assertEquals(device, Player.ckcClaims(license.body()).getString("deviceId"));
        HttpResponse<byte[]> otherDevice =
                asPlayer.redeem(bound.getString("epTokenURL"), asPlayer.spc(Player.newDevice(), "demo-movie"));
        assertEquals(400, otherDevice.statusCode(), "the token is bound to the device that registered");

        List<String> events = withReasons(asAuditor.events(auditor, user, 500));
        assertEquals(
                List.of("DEVICE_BOUND_TOKEN/GRANTED/", "DEVICE_RESOLUTION/GRANTED/"),
                events.subList(0, 2),
                "resolved once, when the redemption showed");
        assertEquals("REGISTRATION/GRANTED/", events.get(events.size() - 1));
        assertTrue(
                events.subList(2, events.size() - 1).stream()
                        .allMatch("DEVICE_RESOLUTION/REFUSED/DEVICE_NOT_REDEEMED"::equals),
                events.toString());
        assertEquals(1, appliedHoldBacks(), "the simulator held the one redemption back");
    }

    @Test
    void aRegistrationTokenRedeemedOnTwoDevicesBindsNeither() {
        JsonObject registration = asPlayer.entitlement(token, Player.request(2, "demo-movie"));
        String cookie = registration.getString("customerCookie");
        String url = registration.getString("epTokenURL");
        String first = Player.newDevice();
        String second = Player.newDevice();
        assertEquals(
                200,
                asPlayer.redeem(url, asPlayer.spc(first, Player.REGISTRATION_CONTENT))
                        .statusCode());
        assertEquals(
                200,
                asPlayer.redeem(url, asPlayer.spc(second, Player.REGISTRATION_CONTENT))
                        .statusCode());

        JsonObject refused = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));
        JsonObject again = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookie));

        assertFalse(refused.getBoolean("isAllowed"), refused.toString());
        assertEquals(3011, refused.getInt("error"), refused.toString());
        assertEquals(3011, again.getInt("error"), "still no owner: Tether does not guess which came first");
        JsonArray trail = asAuditor.events(auditor, user);
        assertEquals(
                List.of(
                        "DEVICE_RESOLUTION/REFUSED/REDEEMED_ON_SEVERAL_DEVICES",
                        "DEVICE_RESOLUTION/REFUSED/REDEEMED_ON_SEVERAL_DEVICES",
                        "REGISTRATION/GRANTED/"),
                withReasons(trail));
        assertFalse(trail.toString().contains("\"deviceId\""), "no device bound: " + trail);
    }

    @Test
    void theSimulatedRecordRetrievalAnswersSnakeCaseAndRefusesTwoSelectors() {
        String device = Player.newDevice();
        String cookie = asPlayer.registerDevice(token, device);
        String records = "/simulator/expressplay/cmiapi/getrecord/?customerAuthenticator="
                + Http.enc("1000,00112233445566778899aabbccddeeff") + "&errorFormat=json";

        HttpResponse<String> byCookie = http.get(records + "&cookie=" + cookie, null);
        assertEquals(200, byCookie.statusCode(), byCookie.body());
        JsonArray events = Json.createReader(new StringReader(byCookie.body())).readArray();
        assertEquals(1, events.size(), byCookie.body());
        JsonObject event = events.getJsonObject(0);
        assertEquals(device, event.getString("device_id"));
        assertEquals(cookie, event.getString("cookie"));
        long id = event.getJsonNumber("event_id").longValueExact();

        HttpResponse<String> byId = http.get(records + "&id=" + id, null);
        assertEquals(200, byId.statusCode(), byId.body());
        assertTrue(byId.body().contains(device), byId.body());

        HttpResponse<String> twoSelectors = http.get(records + "&cookie=" + cookie + "&id=" + id, null);
        assertEquals(400, twoSelectors.statusCode(), "more than one selector is unsupported: " + twoSelectors.body());
    }

    private long appliedHoldBacks() {
        JsonArray faults = Http.json(asFaultOperator.state(admin).body()).getJsonArray("faults");
        return faults.getValuesAs(JsonObject.class).stream()
                .filter(fault -> fault.getString("kind").equals("HOLD_BACK"))
                .mapToLong(fault -> fault.getInt("applied"))
                .sum();
    }
}
