package dev.tether.it;

import static dev.tether.it.Http.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity provider's word holds on every instance: a user deprovisioned through SCIM on
 * instance A is refused with 3013 on instance B, and a session logged out at A is 401 at B
 * (both instances on one PostgreSQL; see TwoInstancesPostgresIT for instance B).
 */
class TwoInstancesAccessEndedPostgresIT extends TetherIT {

    private Player playerB;
    private Subscriber subscriberB;

    @BeforeEach
    void connectToInstanceB() throws Exception {
        Http b = new Http(URI.create(System.getProperty("tether.b.url", "http://localhost:9081/tether/"))
                .toURL());
        playerB = new Player(b);
        subscriberB = new Subscriber(b);
    }

    @Test
    void aUserDeprovisionedOnOneInstanceIsRefusedOnTheOther() {
        String user = newUser("leaver");
        String token = http.token(user, "subscriber");
        assertTrue(playerB.entitlement(token, Player.request(1, "demo-movie")).getBoolean("isAllowed"));
        Provisioner scim = new Provisioner(http);
        String provisioner = tokenFor("provisioner");
        String id = expect(201, scim.create(provisioner, Provisioner.user(user, true)))
                .getString("id");

        expect(200, scim.patch(provisioner, id, Provisioner.setActive(false)));

        JsonObject refused = playerB.entitlement(token, Player.request(1, "demo-movie"));
        assertEquals(3013, refused.getInt("error"), refused.toString());
        expect(200, scim.patch(provisioner, id, Provisioner.setActive(true)));
        assertTrue(playerB.entitlement(token, Player.request(1, "demo-movie")).getBoolean("isAllowed"));
    }

    @Test
    void aSessionLoggedOutOnOneInstanceIsRefusedOnTheOther() {
        String sid = "s-" + UUID.randomUUID();
        String token = http.token(newUser("sso"), "subscriber", "&sid=" + sid);
        expect(200, subscriberB.listDevices(token));

        JsonObject sent = expect(
                200,
                http.send(HttpRequest.newBuilder(http.uri("/simulator/sso/logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("sid=" + sid))
                        .build()));
        assertEquals(200, sent.getInt("status"), sent.toString());

        assertEquals(401, subscriberB.listDevices(token).statusCode());
    }
}
