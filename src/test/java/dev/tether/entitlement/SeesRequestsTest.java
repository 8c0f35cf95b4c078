package dev.tether.entitlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.audit.AuditEvent;
import dev.tether.audit.CollectingAuditTrail;
import dev.tether.audit.Decisions;
import dev.tether.audit.RefusalRecording;
import dev.tether.security.UserId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SEES request parsing as two tables, bodies that are read and bodies that are refused, each with
 * the SeesError and text the client gets. {@code @id} in a body stands for a valid messageID.
 * Every refusal is audited as an invalid request of the user who sent it.
 */
class SeesRequestsTest {

    private static final String ID = "6f1c7e0a-3b2d-4c5e-8f9a-0b1c2d3e4f5a";
    private static final int MAX_BODY_BYTES = 4096;
    private static final Caller CALLER = new Caller(new UserId("alice"), Set.of(), null, "203.0.113.7");

    private final SeesRequests requests = new SeesRequests();
    private final CollectingAuditTrail trail = new CollectingAuditTrail();
    private RefusalRecording recording;

    @BeforeEach
    void wire() {
        Decisions decisions = new Decisions();
        requests.decisions = decisions;
        requests.maxBodyBytes = MAX_BODY_BYTES;
        recording = new RefusalRecording(decisions, trail);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            application/json;charset="utf-8" | {"messageID":"@id","version":1,"contentID":"movie"}                    | TIME_BASED          | movie | -
            application/json                | {"messageID":"@id","version":1,"requestType":1,"contentID":"movie"}     | TIME_BASED          | movie | -
            application/json; charset=UTF-8 | {"messageID":"@id","version":1,"requestType":2,"contentID":"movie"}     | DEVICE_REGISTRATION | movie | -
            APPLICATION/JSON                | {"messageID":"@id","version":1,"requestType":3,"contentID":"movie","customerCookie":"abcdefghijklmnop"} | DEVICE_BOUND | movie | abcdefghijklmnop
            application/json                | {"messageID":"@id","version":1,"requestType":3,"contentID":"a.b_c:d-9","customerCookie":"x"} | DEVICE_BOUND | a.b_c:d-9 | x
            application/json                | {"messageID":"@id","version":1,"contentID":"movie","customerCookie":null} | TIME_BASED        | movie | -
            application/json                | {"messageID":"@id","version":1,"contentID":"movie","unknownField":[1,2]}  | TIME_BASED        | movie | -
            """)
    void readsAWellFormedRequest(String contentType, String body, RequestType type, String contentId, String cookie)
            throws Exception {
        EntitlementRequest request = read(contentType, body);

        assertEquals(ID.toLowerCase(), request.messageId().toLowerCase());
        assertEquals(type, request.type());
        assertEquals(contentId, request.contentId().value());
        assertEquals(
                Optional.ofNullable(cookie),
                request.customerCookie(),
                "the cookie as sent: its rules depend on the type");
        assertEquals(List.of(), trail.events());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            text/plain       | {"messageID":"@id","version":1,"contentID":"movie"}                   | INVALID_REQUEST      | false | Content-Type must be application/json (optionally with charset=utf-8).
            -                | {"messageID":"@id","version":1,"contentID":"movie"}                   | INVALID_REQUEST      | false | Content-Type must be application/json (optionally with charset=utf-8).
            application/json; charset=ISO-8859-1 | {"messageID":"@id","version":1,"contentID":"movie"} | INVALID_REQUEST  | false | Content-Type must be application/json (optionally with charset=utf-8).
            application/json; charset=utf-8; x=y | {"messageID":"@id","version":1,"contentID":"movie"} | INVALID_REQUEST  | false | Content-Type must be application/json (optionally with charset=utf-8).
            application/jsonx | {"messageID":"@id","version":1,"contentID":"movie"}                  | INVALID_REQUEST      | false | Content-Type must be application/json (optionally with charset=utf-8).
            application/json | -                                                                     | INVALID_REQUEST      | false | The request body must be one JSON object.
            application/json | not json                                                              | INVALID_REQUEST      | false | The request body is not JSON.
            application/json | [{"messageID":"@id"}]                                                 | INVALID_REQUEST      | false | The request body must be one JSON object.
            application/json | 42                                                                    | INVALID_REQUEST      | false | The request body must be one JSON object.
            application/json | {"messageID":"@id","version":1,"contentID":"movie"                    | INVALID_REQUEST      | false | The request body is not JSON.
            application/json | {"messageID":"@id","version":1,"contentID":"movie"}{"requestType":3}  | INVALID_REQUEST      | false | The request body must hold one JSON object and nothing after it.
            application/json | {"messageID":"@id","version":1,"contentID":"movie"} x                 | INVALID_REQUEST      | false | The request body must hold one JSON object and nothing after it.
            application/json | {"messageID":"@id","version":1,"requestType":1,"requestType":3,"contentID":"movie"} | INVALID_REQUEST | false | A member name appears twice in one JSON object.
            application/json | {"messageID":"@id","version":1,"contentID":"movie","x":{"a":1,"a":2}} | INVALID_REQUEST    | false | A member name appears twice in one JSON object.
            application/json | {"messageID":"@id","version":1e0,"contentID":"movie"}                 | INVALID_REQUEST      | false | Numbers must be integer literals of at most 18 digits (no fraction, no exponent).
            application/json | {"messageID":"@id","version":1E999999999,"contentID":"movie"}         | INVALID_REQUEST      | false | Numbers must be integer literals of at most 18 digits (no fraction, no exponent).
            application/json | {"messageID":"@id","version":1234567890123456789012,"contentID":"movie"} | INVALID_REQUEST   | false | Numbers must be integer literals of at most 18 digits (no fraction, no exponent).
            application/json | {"messageID":"@id","version":1,"contentID":"movie","x":[[[[[[[[1]]]]]]]]} | INVALID_REQUEST  | false | The request body nests objects or arrays deeper than 8 levels.
            application/json | {"version":1,"contentID":"movie"}                                     | INVALID_REQUEST      | false | messageID is required and must be a string.
            application/json | {"messageID":42,"version":1,"contentID":"movie"}                      | INVALID_REQUEST      | false | messageID is required and must be a string.
            application/json | {"messageID":"not-a-guid","version":1,"contentID":"movie"}            | INVALID_REQUEST      | false | messageID must be a GUID.
            application/json | {"messageID":"{@id}","version":1,"contentID":"movie"}                 | INVALID_REQUEST      | false | messageID must be a GUID.
            application/json | {"messageID":"@id","contentID":"movie"}                               | INVALID_REQUEST      | true  | version is required and must be an integer.
            application/json | {"messageID":"@id","version":"1","contentID":"movie"}                 | INVALID_REQUEST      | true  | version is required and must be an integer.
            application/json | {"messageID":"@id","version":1.5,"contentID":"movie"}                 | INVALID_REQUEST      | false | Numbers must be integer literals of at most 18 digits (no fraction, no exponent).
            application/json | {"messageID":"@id","version":2,"contentID":"movie"}                   | UNSUPPORTED_VERSION  | true  | version 2 is not supported; the highest supported version is 1.
            application/json | {"messageID":"@id","version":1,"requestType":4,"contentID":"movie"}   | UNKNOWN_REQUEST_TYPE | true  | requestType must be 1 (time-based), 2 (device registration) or 3 (device-bound).
            application/json | {"messageID":"@id","version":1,"requestType":0,"contentID":"movie"}   | UNKNOWN_REQUEST_TYPE | true  | requestType must be 1 (time-based), 2 (device registration) or 3 (device-bound).
            application/json | {"messageID":"@id","version":1,"requestType":"1","contentID":"movie"} | INVALID_REQUEST      | true  | requestType must be an integer.
            application/json | {"messageID":"@id","version":1,"requestType":1.5,"contentID":"movie"} | INVALID_REQUEST      | false | Numbers must be integer literals of at most 18 digits (no fraction, no exponent).
            application/json | {"messageID":"@id","version":1,"requestType":null,"contentID":"movie"} | INVALID_REQUEST     | true  | requestType must be an integer.
            application/json | {"messageID":"@id","version":1,"requestType":4294967297,"contentID":"movie"} | INVALID_REQUEST | true | requestType must be an integer.
            application/json | {"messageID":"@id","version":1}                                       | INVALID_REQUEST      | true  | contentID is required and must be a string.
            application/json | {"messageID":"@id","version":1,"contentID":7}                         | INVALID_REQUEST      | true  | contentID is required and must be a string.
            application/json | {"messageID":"@id","version":1,"contentID":""}                        | INVALID_REQUEST      | true  | contentID must be 1 to 128 letters, digits, '.', '_', ':' or '-'.
            application/json | {"messageID":"@id","version":1,"contentID":"two words"}               | INVALID_REQUEST      | true  | contentID must be 1 to 128 letters, digits, '.', '_', ':' or '-'.
            application/json | {"messageID":"@id","version":1,"contentID":"movie/../key"}            | INVALID_REQUEST      | true  | contentID must be 1 to 128 letters, digits, '.', '_', ':' or '-'.
            application/json | {"messageID":"@id","version":1,"contentID":"movie","customerCookie":17} | INVALID_REQUEST    | true  | customerCookie must be a string.
            application/json | {"messageID":"@id","version":1,"contentID":"movie","customerCookie":{"a":1}} | INVALID_REQUEST | true | customerCookie must be a string.
            application/json | {"messageID":"@id","version":1,"contentID":"movie","customerCookie":true} | INVALID_REQUEST  | true  | customerCookie must be a string.
            """)
    void refusesAMalformedRequest(
            String contentType, String body, SeesError error, boolean knowsMessageId, String text) {
        EntitlementRefusedException refused =
                assertThrows(EntitlementRefusedException.class, () -> read(contentType, body));

        assertEquals(error, refused.error());
        assertEquals(text, refused.text());
        assertEquals(knowsMessageId ? ID : null, refused.messageId(), "messageID answered");
        assertAuditedAsInvalid(error, knowsMessageId ? ID : null);
    }

    @ParameterizedTest(name = "drm {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ,\"drm\":\"fairplay\"  | FAIRPLAY
            ,\"drm\":\"widevine\"  | WIDEVINE
            ,\"drm\":\"playready\" | PLAYREADY
            ,\"drm\":null          | FAIRPLAY
            ' '                      | FAIRPLAY
            """)
    void theDrmMemberIsFairPlayWhenAbsent(String member, dev.tether.content.Drm drm) throws Exception {
        EntitlementRequest request = read(
                "application/json",
                "{\"messageID\":\"" + ID + "\",\"version\":1,\"contentID\":\"movie\"" + member.strip() + "}");

        assertEquals(drm, request.drm());
    }

    @ParameterizedTest(name = "drm {0}")
    @CsvSource(delimiter = '|', textBlock = """
            \"FairPlay\" | drm must be fairplay, widevine or playready.
            \"clearkey\" | drm must be fairplay, widevine or playready.
            1            | drm must be a string: fairplay, widevine or playready.
            """)
    void anUnknownDrmIsAnInvalidRequest(String value, String text) {
        EntitlementRefusedException refused = assertThrows(
                EntitlementRefusedException.class,
                () -> read(
                        "application/json",
                        "{\"messageID\":\"" + ID + "\",\"version\":1,\"contentID\":\"movie\",\"drm\":" + value + "}"));

        assertEquals(SeesError.INVALID_REQUEST, refused.error());
        assertEquals(text, refused.text());
    }

    @Test
    void aContentIdOf128CharactersIsReadAnd129AreRefused() throws Exception {
        String longest = "c".repeat(128);
        assertEquals(
                longest,
                read("application/json", body("\"contentID\":\"" + longest + "\""))
                        .contentId()
                        .value());

        EntitlementRefusedException refused = assertThrows(
                EntitlementRefusedException.class,
                () -> read("application/json", body("\"contentID\":\"" + longest + "c\"")));
        assertEquals(SeesError.INVALID_REQUEST, refused.error());
    }

    @Test
    void aBodyAtTheLimitIsReadAndOneByteMoreIsRefused() throws Exception {
        String atLimit = padded(MAX_BODY_BYTES);
        assertEquals(MAX_BODY_BYTES, atLimit.getBytes(StandardCharsets.UTF_8).length);
        assertEquals("movie", read("application/json", atLimit).contentId().value());

        EntitlementRefusedException refused = assertThrows(
                EntitlementRefusedException.class, () -> read("application/json", padded(MAX_BODY_BYTES + 1)));
        assertEquals(SeesError.INVALID_REQUEST, refused.error());
        assertEquals("The request body exceeds 4096 bytes.", refused.text());
        assertAuditedAsInvalid(SeesError.INVALID_REQUEST, null);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        byte[] latin1 = "{\"messageID\":\"@id\",\"version\":1,\"contentID\":\"caf\u00e9\"}"
                .replace("@id", ID)
                .getBytes(StandardCharsets.ISO_8859_1);

        EntitlementRefusedException refused = assertThrows(
                EntitlementRefusedException.class,
                () -> recording.call(
                        () -> requests.read(new ByteArrayInputStream(latin1), "application/json", null, CALLER)));

        assertEquals("The request body is not UTF-8.", refused.text());
        assertAuditedAsInvalid(SeesError.INVALID_REQUEST, null);
    }

    @Test
    void aCompressedBodyIsRefusedUnread() {
        EntitlementRefusedException refused = assertThrows(
                EntitlementRefusedException.class,
                () -> recording.call(() -> requests.read(
                        new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b}), "application/json", "gzip", CALLER)));

        assertEquals("A compressed request body (Content-Encoding) is not accepted.", refused.text());
        assertAuditedAsInvalid(SeesError.INVALID_REQUEST, null);
    }

    private void assertAuditedAsInvalid(SeesError error, String requestId) {
        assertEquals(List.of("INVALID_REQUEST REFUSED " + error.name()), trail.summary());
        AuditEvent event = trail.events().get(0);
        assertEquals("alice", event.userId(), "audited with the user who sent it");
        assertEquals("203.0.113.7", event.clientAddress());
        assertEquals(requestId, event.requestId());
    }

    private EntitlementRequest read(String contentType, String body) throws Exception {
        byte[] bytes = body == null ? new byte[0] : body.replace("@id", ID).getBytes(StandardCharsets.UTF_8);
        return recording.call(() -> requests.read(new ByteArrayInputStream(bytes), contentType, null, CALLER));
    }

    private static String body(String contentField) {
        return "{\"messageID\":\"" + ID + "\",\"version\":1," + contentField + "}";
    }

    /** A valid request of exactly {@code bytes} bytes, padded with a field the reader ignores. */
    private static String padded(int bytes) {
        String start = "{\"messageID\":\"" + ID + "\",\"version\":1,\"contentID\":\"movie\",\"pad\":\"";
        String end = "\"}";
        return start + "p".repeat(bytes - start.length() - end.length()) + end;
    }
}
