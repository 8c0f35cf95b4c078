package dev.tether.it;

import static dev.tether.it.Http.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent stream limits end to end: leases on granted tokens, block-new and stop-oldest, the
 * heartbeat and its 409 for an ended lease, expiry after missed heartbeats, overrides per user and
 * per group, the exemption, revocation, removal and reset ending leases; each decision audited once.
 */
class StreamLimitsIT extends TetherIT {

    private static final String ENDED = "https://tether.dev/problems/stream-ended";

    private Streamer asStreamer;
    private String user;
    private String token;
    private String admin;
    private String auditor;

    @BeforeEach
    void signIn() {
        asStreamer = new Streamer(http);
        user = newUser("streamer");
        token = http.token(user, "subscriber");
        admin = http.token(newUser("admin"), "admin");
        auditor = http.token(newUser("auditor"), "auditor");
    }

    @Test
    void blockNewRefusesTheStreamOverTheLimitNamingTheRunningOnesUntilOneEnds() {
        policy(2, "block-new", "");
        JsonObject first = play();
        JsonObject second = play();
        assertTrue(first.getBoolean("isAllowed") && second.getBoolean("isAllowed"));
        assertEquals(60, first.getInt("heartbeatInterval"), "the default interval");
        String firstLease = first.getString("leaseId");

        JsonObject refused = play();
        assertFalse(refused.getBoolean("isAllowed"));
        assertEquals(3012, refused.getInt("error"));
        String text = refused.getString("errorText");
        assertTrue(text.startsWith("2 streams are playing on your account, and your plan allows 2 at once"), text);
        assertTrue(text.contains("demo-movie since ") && text.contains("The oldest lease expires at "), text);
        assertFalse(refused.containsKey("leaseId"));

        JsonArray running = asStreamer.running(token);
        assertEquals(2, running.size());
        assertEquals(firstLease, running.getJsonObject(0).getString("id"), "oldest first");
        assertEquals("demo-movie", running.getJsonObject(0).getString("contentId"));
        expect(204, asStreamer.end(token, firstLease));
        JsonObject again = expect(409, asStreamer.heartbeat(token, firstLease));
        assertEquals(ENDED, again.getString("type"));

        assertTrue(play().getBoolean("isAllowed"), "ending one made room");

        List<JsonObject> events = asAuditor.events(auditor, user).getValuesAs(JsonObject.class);
        List<String> kinds = Auditor.withReasons(events);
        assertEquals(3, count(kinds, "TIME_BASED_TOKEN/GRANTED/"), kinds.toString());
        assertEquals(1, count(kinds, "TIME_BASED_TOKEN/REFUSED/STREAM_LIMIT_REACHED"), kinds.toString());
        assertEquals(1, count(kinds, "STREAM_ENDED/GRANTED/"), kinds.toString());
        JsonObject refusal = only(events, "TIME_BASED_TOKEN", "REFUSED");
        JsonObject detail = refusal.getJsonObject("detail");
        assertEquals(2, detail.getInt("streamLimit"));
        assertEquals(2, detail.getInt("streamsRunning"));
        assertEquals("block-new", detail.getString("streamMode"));
        assertEquals("user", detail.getString("streamPolicy"));
        JsonObject ended = only(events, "STREAM_ENDED", "GRANTED").getJsonObject("detail");
        assertEquals("user", ended.getString("endedBy"));
        assertEquals(firstLease, ended.getString("leaseId"));
        assertTrue(events.stream()
                .filter(e -> e.getString("type").equals("TIME_BASED_TOKEN")
                        && e.getString("outcome").equals("GRANTED"))
                .allMatch(e -> e.getJsonObject("detail").containsKey("leaseId")));

        JsonObject streams = expect(200, asAuditor.summary(auditor, "")).getJsonObject("streams");
        assertTrue(streams.getJsonNumber("refusedOverLimit").longValue() >= 1, streams.toString());
        JsonObject today = streams.getJsonArray("peakPerDay")
                .getJsonObject(streams.getJsonArray("peakPerDay").size() - 1);
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), today.getString("day"));
        assertTrue(today.getInt("peakStreams") >= 2, today.toString());
    }

    @Test
    void stopOldestEndsTheOldestStreamWhoseNextHeartbeatIs409() {
        policy(1, "stop-oldest", "");
        String oldest = play().getString("leaseId");
        JsonObject beat = expect(200, asStreamer.heartbeat(token, oldest));
        assertEquals(1, beat.getInt("running"));
        assertEquals(1, beat.getInt("limit"));
        assertEquals(60, beat.getInt("heartbeatInterval"));

        JsonObject newer = play();
        assertTrue(newer.getBoolean("isAllowed"));
        String newest = newer.getString("leaseId");

        JsonObject stop = expect(409, asStreamer.heartbeat(token, oldest));
        assertEquals(ENDED, stop.getString("type"));
        assertTrue(stop.getString("detail").contains("a newer stream of yours took its place"), stop.toString());
        expect(200, asStreamer.heartbeat(token, newest));
        assertEquals(List.of(newest), ids(asStreamer.running(token)));

        List<JsonObject> events = asAuditor.events(auditor, user).getValuesAs(JsonObject.class);
        List<String> kinds = Auditor.withReasons(events);
        assertEquals(2, count(kinds, "TIME_BASED_TOKEN/GRANTED/"), kinds.toString());
        assertEquals(1, count(kinds, "STREAM_ENDED/GRANTED/"), kinds.toString());
        JsonObject ended = only(events, "STREAM_ENDED", "GRANTED").getJsonObject("detail");
        assertEquals("stop-oldest", ended.getString("endedBy"));
        assertEquals(oldest, ended.getString("leaseId"));
        assertEquals(newest, ended.getString("byLease"));
        assertEquals(1, ended.getInt("streamLimit"));
    }

    @Test
    void aLeaseWhoseHeartbeatsStopExpiresByItselfAfterTheGrace() throws InterruptedException {
        policy(1, "block-new", ",\"heartbeatInterval\":1,\"grace\":5");
        JsonObject first = play();
        assertEquals(1, first.getInt("heartbeatInterval"));
        String lease = first.getString("leaseId");
        expect(200, asStreamer.heartbeat(token, lease));

        // The player stops renewing: wait for the state (no running stream), never for a guessed time.
        Eventually.eventually(Duration.ofSeconds(30), () -> asStreamer.running(token), JsonArray::isEmpty);

        assertEquals(ENDED, expect(409, asStreamer.heartbeat(token, lease)).getString("type"));
        JsonObject next = play();
        assertTrue(next.getBoolean("isAllowed"), next.toString());

        List<JsonObject> events = asAuditor.events(auditor, user).getValuesAs(JsonObject.class);
        List<String> kinds = Auditor.withReasons(events);
        assertEquals(1, count(kinds, "STREAM_EXPIRED/GRANTED/"), kinds.toString());
        assertEquals(
                lease,
                only(events, "STREAM_EXPIRED", "GRANTED")
                        .getJsonObject("detail")
                        .getString("leaseId"));
        assertEquals(0, count(kinds, "STREAM_ENDED/GRANTED/"), "heartbeats and expiry end nothing else");
    }

    @Test
    void theMostGenerousOfTheUsersAndTheirGroupsPoliciesApplies() {
        String group = "family-" + UUID.randomUUID();
        String member = newUser("member");
        String memberToken = http.token(member, "subscriber," + group);
        expect(200, asStreamer.setUserPolicy(admin, member, "{\"maxStreams\":1,\"mode\":\"block-new\"}"));
        expect(200, asStreamer.setGroupPolicy(admin, group, "{\"maxStreams\":3,\"mode\":\"stop-oldest\"}"));

        JsonObject applies = expect(200, asStreamer.policy(memberToken));
        assertEquals(3, applies.getInt("maxStreams"));
        assertEquals("group:" + group, applies.getString("source"));
        for (int i = 0; i < 3; i++) {
            assertTrue(asPlayer.entitlement(memberToken, Player.request(1, "demo-movie"))
                    .getBoolean("isAllowed"));
        }
        assertEquals(3, asStreamer.running(memberToken).size());
        asPlayer.entitlement(memberToken, Player.request(1, "demo-movie"));
        assertEquals(3, asStreamer.running(memberToken).size(), "stop-oldest, the group's mode");

        expect(204, asStreamer.clearGroupPolicy(admin, group));
        JsonObject own = expect(200, asStreamer.policy(memberToken));
        assertEquals(1, own.getInt("maxStreams"));
        assertEquals("user", own.getString("source"));
        assertEquals(
                3012,
                asPlayer.entitlement(memberToken, Player.request(1, "demo-movie"))
                        .getInt("error"));
    }

    @Test
    void anExemptTitleOpensNoLeaseAndCountsAgainstNoLimit() {
        policy(0, "block-new", "");
        assertEquals(3012, play().getInt("error"));
        JsonObject preview = asPlayer.entitlement(token, Player.request(1, "demo-preview"));
        assertTrue(preview.getBoolean("isAllowed"), preview.toString());
        assertFalse(preview.containsKey("leaseId"));
        assertEquals(0, asStreamer.running(token).size());
    }

    @Test
    void aRevokedDevicesStreamEndsAndAResetEndsTheRest() {
        policy(5, "block-new", "");
        String tv = Player.newDevice();
        String cookieTv = asPlayer.registerDevice(token, tv);
        String cookiePhone = asPlayer.registerDevice(token, Player.newDevice());
        JsonObject onTv = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookieTv));
        JsonObject onPhone = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookiePhone));
        String tvLease = onTv.getString("leaseId");
        String phoneLease = onPhone.getString("leaseId");
        JsonArray running = asStreamer.running(token);
        assertEquals(2, running.size());
        assertEquals(tv, running.getJsonObject(0).getString("deviceId"));

        long tvId = idOf(asAdmin.devicesOf(admin, user), tv);
        expect(200, asAdmin.revoke(admin, user, tvId, "{\"reason\":\"shared with a neighbour\"}"));
        assertEquals(ENDED, expect(409, asStreamer.heartbeat(token, tvLease)).getString("type"));
        expect(200, asStreamer.heartbeat(token, phoneLease));

        String secondAdmin = http.token(newUser("admin"), "admin");
        long reset = expect(201, asAdmin.requestReset(admin, user, "{\"reason\":\"phone stolen, ticket 7\"}"))
                .getJsonNumber("id")
                .longValue();
        expect(200, asAdmin.decideReset(secondAdmin, reset, "approve", "{\"reason\":\"checked with the user\"}"));
        JsonObject stop = expect(409, asStreamer.heartbeat(token, phoneLease));
        assertTrue(stop.getString("detail").contains("your devices were reset"), stop.toString());

        List<JsonObject> events = asAuditor.events(auditor, user).getValuesAs(JsonObject.class);
        List<String> endings = events.stream()
                .filter(e -> e.getString("type").equals("STREAM_ENDED"))
                .map(e -> e.getJsonObject("detail").getString("endedBy"))
                .sorted()
                .toList();
        assertEquals(List.of("reset", "revocation"), endings);
    }

    @Test
    void removingMyOwnDeviceEndsItsStreamsOnly() {
        policy(5, "block-new", "");
        String tv = Player.newDevice();
        String cookieTv = asPlayer.registerDevice(token, tv);
        String cookiePhone = asPlayer.registerDevice(token, Player.newDevice());
        String tvLease = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookieTv))
                .getString("leaseId");
        String phoneLease = asPlayer.entitlement(token, Player.request(3, "demo-movie", cookiePhone))
                .getString("leaseId");
        long tvId = idOf(asSubscriber.devices(token), tv);

        expect(204, asSubscriber.removeDevice(token, tvId));
        JsonObject stop = expect(409, asStreamer.heartbeat(token, tvLease));
        assertEquals(ENDED, stop.getString("type"));
        assertTrue(stop.getString("detail").contains("you removed its device"), stop.toString());
        expect(200, asStreamer.heartbeat(token, phoneLease));
        assertEquals(List.of(phoneLease), ids(asStreamer.running(token)));

        List<JsonObject> endings = asAuditor.events(auditor, user).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").equals("STREAM_ENDED"))
                .toList();
        assertEquals(1, endings.size(), endings.toString());
        assertEquals("device-removed", endings.get(0).getJsonObject("detail").getString("endedBy"));
        assertEquals(tvLease, endings.get(0).getJsonObject("detail").getString("leaseId"));
        assertEquals(user, endings.get(0).getString("actorId"), "the user ended it by removing the device");
    }

    @Test
    void adminsSeeAndEndAnyUsersStreamsAndNobodyRenewsAnothersLease() {
        policy(2, "block-new", "");
        String lease = play().getString("leaseId");
        String mallory = http.token(newUser("mallory"), "subscriber");
        JsonObject notFound = expect(404, asStreamer.heartbeat(mallory, lease));
        assertEquals("https://tether.dev/problems/unknown-stream", notFound.getString("type"));
        expect(404, asStreamer.end(mallory, lease));
        expect(403, asStreamer.heartbeat(admin, lease));

        assertEquals(List.of(lease), ids(asStreamer.runningOf(admin, user)));
        expect(204, asStreamer.endAny(admin, user, lease));
        JsonObject stop = expect(409, asStreamer.heartbeat(token, lease));
        assertTrue(stop.getString("detail").contains("an administrator ended it"), stop.toString());
        expect(409, asStreamer.endAny(admin, user, lease));
        JsonObject stats = expect(200, asStreamer.stats(admin));
        assertTrue(stats.containsKey("runningLeases") && stats.containsKey("heartbeatsPerSecond"), stats.toString());
        expect(400, asStreamer.setUserPolicy(admin, user, "{\"maxStreams\":-1,\"mode\":\"block-new\"}"));
        expect(400, asStreamer.setUserPolicy(admin, user, "{\"maxStreams\":1,\"mode\":\"sometimes\"}"));
    }

    private void policy(int limit, String mode, String extra) {
        expect(
                200,
                asStreamer.setUserPolicy(
                        admin, user, "{\"maxStreams\":" + limit + ",\"mode\":\"" + mode + "\"" + extra + "}"));
    }

    private JsonObject play() {
        return asPlayer.entitlement(token, Player.request(1, "demo-movie"));
    }

    /** The id (in the device APIs) of the device {@code deviceId} among {@code devices}. */
    private static long idOf(JsonArray devices, String deviceId) {
        return devices.stream()
                .map(JsonObject.class::cast)
                .filter(d -> d.getString("deviceId").equals(deviceId))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }

    private static List<String> ids(JsonArray streams) {
        return streams.stream().map(s -> s.asJsonObject().getString("id")).toList();
    }

    private static long count(List<String> kinds, String prefix) {
        return kinds.stream().filter(k -> k.startsWith(prefix)).count();
    }

    private static JsonObject only(List<JsonObject> events, String type, String outcome) {
        List<JsonObject> found = events.stream()
                .filter(e -> e.getString("type").equals(type)
                        && e.getString("outcome").equals(outcome))
                .toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }
}
