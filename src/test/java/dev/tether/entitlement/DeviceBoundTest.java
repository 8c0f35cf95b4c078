package dev.tether.entitlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.audit.AuditEvent;
import dev.tether.audit.CollectingAuditTrail;
import dev.tether.audit.Decisions;
import dev.tether.audit.RefusalRecording;
import dev.tether.binding.Cookie;
import dev.tether.binding.Device;
import dev.tether.binding.DeviceBinding;
import dev.tether.binding.DeviceId;
import dev.tether.binding.InMemoryBindings;
import dev.tether.binding.InMemoryDevicePolicies;
import dev.tether.binding.InMemoryDevices;
import dev.tether.binding.Rosters;
import dev.tether.content.Content;
import dev.tether.content.ContentId;
import dev.tether.content.ContentPolicy;
import dev.tether.content.WrappedKey;
import dev.tether.expressplay.TokenRequest;
import dev.tether.identity.UserAccess;
import dev.tether.security.UserId;
import dev.tether.streams.UnlimitedStreams;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * requestType 3 as a decision table, through {@link EntitlementService#deviceBound} with its real
 * steps and admission over in-memory repositories, a table of ExpressPlay answers, and the real
 * refusal interceptor. Each row states the SEES answer, the audit events that reach the trail
 * (a step's own events only if its transaction committed) and how often ExpressPlay's records were
 * read: once for a pending binding, never for a resolved one.
 */
class DeviceBoundTest {

    private static final Instant NOW = Instant.now();
    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");
    private static final UserId ADMIN = new UserId("root");
    private static final int LIMIT = 3;

    private static final String MOVIE = "movie";
    private static final String PREMIUM = "premium-movie";
    private static final String RETIRED = "retired-movie";

    private static final String PENDING_REDEEMED = "pending-redeemed-0001";
    private static final String PENDING_UNREDEEMED = "pending-unredeemed-01";
    private static final String PENDING_RECORDS_DOWN = "pending-records-down";
    private static final String PENDING_REDEEMED_TWICE = "pending-redeemed-twice";
    private static final String RESOLVED_KNOWN = "resolved-known-00001";
    private static final String RESOLVED_REVOKED = "resolved-revoked-001";
    private static final String EXPIRED = "expired-cookie-00001";
    private static final String ENDED = "ended-cookie-0000001";
    private static final String BOBS = "cookie-of-bob-000001";
    private static final String NEVER_REGISTERED = "never-registered-0001";

    private static final String NEW_DEVICE = "new-device";
    private static final String KNOWN_DEVICE = "known-device";
    private static final String REVOKED_DEVICE = "revoked-device";
    private static final String REMOVED_DEVICE = "removed-device";

    private final CollectingAuditTrail trail = new CollectingAuditTrail();
    private final Fakes.Catalog catalog = new Fakes.Catalog();
    private final InMemoryBindings bindings = new InMemoryBindings();
    private final InMemoryDevices devices = new InMemoryDevices();
    private final InMemoryDevicePolicies policies = new InMemoryDevicePolicies();
    private final Fakes.ExpressPlay expressPlay = new Fakes.ExpressPlay();
    private final EntitlementService service = new EntitlementService();
    private final Set<UserId> deprovisioned = new HashSet<>();
    private RefusalRecording recording;

    @BeforeEach
    void wire() {
        Fakes.TransactionalSteps steps = new Fakes.TransactionalSteps(trail);
        steps.catalog = catalog;
        steps.bindings = bindings;
        steps.roster = Rosters.of(devices, policies, LIMIT);
        steps.audit = trail;
        steps.settings = Rosters.settings(LIMIT, Duration.ofDays(30));
        Decisions decisions = new Decisions();
        service.steps = steps;
        service.expressPlay = expressPlay;
        service.decisions = decisions;
        service.audit = trail;
        steps.access = new UserAccess() {
            @Override
            public boolean hasEnded(UserId user) {
                return deprovisioned.contains(user);
            }
        };
        service.streams = new UnlimitedStreams();
        steps.streams = service.streams;
        recording = new RefusalRecording(decisions, trail);
        givenTheWorld();
    }

    /** Alice's titles, cookies and devices; one active device of hers holds a slot. */
    private void givenTheWorld() {
        catalog.given(content(MOVIE, Optional.empty()));
        catalog.given(content(PREMIUM, Optional.of("premium")));
        catalog.given(content(RETIRED, Optional.empty())).retire(NOW.minus(Duration.ofDays(1)));

        bindings.given(binding(PENDING_REDEEMED, ALICE));
        expressPlay.redeemed.put(new Cookie(PENDING_REDEEMED), new DeviceId(NEW_DEVICE));
        bindings.given(binding(PENDING_UNREDEEMED, ALICE));
        bindings.given(binding(PENDING_RECORDS_DOWN, ALICE));
        expressPlay.recordsUnavailable.add(new Cookie(PENDING_RECORDS_DOWN));
        bindings.given(binding(PENDING_REDEEMED_TWICE, ALICE));
        expressPlay.redeemedTwice.add(new Cookie(PENDING_REDEEMED_TWICE));
        bindings.given(binding(BOBS, BOB));
        bindings.given(DeviceBinding.register(
                new Cookie(EXPIRED), ALICE, NOW.minus(Duration.ofDays(31)), Duration.ofDays(30)));

        bindings.given(binding(RESOLVED_KNOWN, ALICE)).resolve(new DeviceId(KNOWN_DEVICE), NOW.minusSeconds(3600));
        devices.given(new Device(ALICE, new DeviceId(KNOWN_DEVICE), NOW.minusSeconds(3600)));

        bindings.given(binding(RESOLVED_REVOKED, ALICE)).resolve(new DeviceId(REVOKED_DEVICE), NOW.minusSeconds(3600));
        devices.given(new Device(ALICE, new DeviceId(REVOKED_DEVICE), NOW.minusSeconds(3600)))
                .revoke(ADMIN, "reported stolen", NOW.minusSeconds(600));

        bindings.given(binding(ENDED, ALICE)).resolve(new DeviceId(REMOVED_DEVICE), NOW.minusSeconds(3600));
        devices.given(new Device(ALICE, new DeviceId(REMOVED_DEVICE), NOW.minusSeconds(3600)))
                .remove(NOW.minusSeconds(600));
        bindings.endAll(ALICE, new DeviceId(REMOVED_DEVICE));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // name, content, cookie, extra active devices, token answer, SEES error (null: granted),
                // audit events, record lookups
                row(
                        "unknown content",
                        "no-such-title",
                        RESOLVED_KNOWN,
                        0,
                        null,
                        SeesError.UNKNOWN_CONTENT,
                        List.of("DEVICE_BOUND_TOKEN REFUSED UNKNOWN_CONTENT"),
                        0),
                row(
                        "retired title",
                        RETIRED,
                        RESOLVED_KNOWN,
                        0,
                        null,
                        SeesError.CONTENT_RETIRED,
                        List.of("DEVICE_BOUND_TOKEN REFUSED CONTENT_RETIRED"),
                        0),
                row(
                        "group missing",
                        PREMIUM,
                        RESOLVED_KNOWN,
                        0,
                        null,
                        SeesError.GROUP_REQUIRED,
                        List.of("DEVICE_BOUND_TOKEN REFUSED GROUP_REQUIRED"),
                        0),
                row(
                        "no cookie",
                        MOVIE,
                        null,
                        0,
                        null,
                        SeesError.NOT_REGISTERED,
                        List.of("DEVICE_BOUND_TOKEN REFUSED NOT_REGISTERED"),
                        0),
                row(
                        "malformed cookie",
                        MOVIE,
                        "short",
                        0,
                        null,
                        SeesError.COOKIE_MALFORMED,
                        List.of("DEVICE_BOUND_TOKEN REFUSED COOKIE_MALFORMED"),
                        0),
                row(
                        "unregistered cookie",
                        MOVIE,
                        NEVER_REGISTERED,
                        0,
                        null,
                        SeesError.NOT_REGISTERED,
                        List.of("DEVICE_BOUND_TOKEN REFUSED NOT_REGISTERED"),
                        0),
                row(
                        "another user's cookie",
                        MOVIE,
                        BOBS,
                        0,
                        null,
                        SeesError.COOKIE_OF_ANOTHER_USER,
                        List.of("DEVICE_BOUND_TOKEN REFUSED COOKIE_OF_ANOTHER_USER"),
                        0),
                row(
                        "expired binding",
                        MOVIE,
                        EXPIRED,
                        0,
                        null,
                        SeesError.COOKIE_EXPIRED,
                        List.of("DEVICE_BOUND_TOKEN REFUSED COOKIE_EXPIRED"),
                        0),
                row(
                        "ended binding (device removed)",
                        MOVIE,
                        ENDED,
                        0,
                        null,
                        SeesError.DEVICE_REMOVED,
                        List.of("DEVICE_BOUND_TOKEN REFUSED DEVICE_REMOVED device=" + REMOVED_DEVICE),
                        0),
                row(
                        "pending, device has not redeemed",
                        MOVIE,
                        PENDING_UNREDEEMED,
                        0,
                        null,
                        SeesError.DEVICE_NOT_REDEEMED,
                        List.of("DEVICE_RESOLUTION REFUSED DEVICE_NOT_REDEEMED"),
                        1),
                row(
                        "pending, redeemed on two devices: no owner can be told",
                        MOVIE,
                        PENDING_REDEEMED_TWICE,
                        0,
                        null,
                        SeesError.REDEEMED_ON_SEVERAL_DEVICES,
                        List.of("DEVICE_RESOLUTION REFUSED REDEEMED_ON_SEVERAL_DEVICES"),
                        1),
                row(
                        "pending, ExpressPlay records unavailable",
                        MOVIE,
                        PENDING_RECORDS_DOWN,
                        0,
                        null,
                        SeesError.EXPRESSPLAY_UNAVAILABLE,
                        List.of("DEVICE_RESOLUTION REFUSED EXPRESSPLAY_UNAVAILABLE"),
                        1),
                row(
                        "resolved, known device",
                        MOVIE,
                        RESOLVED_KNOWN,
                        0,
                        null,
                        null,
                        List.of("DEVICE_BOUND_TOKEN GRANTED device=" + KNOWN_DEVICE),
                        0),
                row(
                        "resolved, known device, even with every slot taken",
                        MOVIE,
                        RESOLVED_KNOWN,
                        2,
                        null,
                        null,
                        List.of("DEVICE_BOUND_TOKEN GRANTED device=" + KNOWN_DEVICE),
                        0),
                row(
                        "pending, new device under the limit",
                        MOVIE,
                        PENDING_REDEEMED,
                        1,
                        null,
                        null,
                        List.of(
                                "DEVICE_RESOLUTION GRANTED device=" + NEW_DEVICE,
                                "DEVICE_BOUND_TOKEN GRANTED device=" + NEW_DEVICE),
                        1),
                row(
                        "pending, new device at the limit: its resolution rolls back",
                        MOVIE,
                        PENDING_REDEEMED,
                        2,
                        null,
                        SeesError.DEVICE_LIMIT_REACHED,
                        List.of("DEVICE_BOUND_TOKEN REFUSED DEVICE_LIMIT_REACHED device=" + NEW_DEVICE),
                        1),
                row(
                        "resolved, revoked device",
                        MOVIE,
                        RESOLVED_REVOKED,
                        0,
                        null,
                        SeesError.DEVICE_REVOKED,
                        List.of("DEVICE_BOUND_TOKEN REFUSED DEVICE_REVOKED device=" + REVOKED_DEVICE),
                        0),
                row(
                        "new device admitted, token unavailable: the resolution stays",
                        MOVIE,
                        PENDING_REDEEMED,
                        0,
                        Fakes.TokenAnswer.UNAVAILABLE,
                        SeesError.EXPRESSPLAY_UNAVAILABLE,
                        List.of(
                                "DEVICE_RESOLUTION GRANTED device=" + NEW_DEVICE,
                                "DEVICE_BOUND_TOKEN REFUSED EXPRESSPLAY_UNAVAILABLE device=" + NEW_DEVICE),
                        1),
                row(
                        "account without device binding",
                        MOVIE,
                        RESOLVED_KNOWN,
                        0,
                        Fakes.TokenAnswer.BINDING_UNSUPPORTED,
                        SeesError.DEVICE_BINDING_UNSUPPORTED,
                        List.of("DEVICE_BOUND_TOKEN REFUSED DEVICE_BINDING_UNSUPPORTED device=" + KNOWN_DEVICE),
                        0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void deviceBound(
            String name,
            String content,
            String cookie,
            int extraActive,
            Fakes.TokenAnswer tokenAnswer,
            SeesError error,
            List<String> events,
            int lookups)
            throws Exception {
        for (int i = 0; i < extraActive; i++) {
            devices.given(new Device(ALICE, new DeviceId("other-device-" + i), NOW.minusSeconds(7200)));
        }
        if (tokenAnswer != null) {
            expressPlay.tokenAnswer = tokenAnswer;
        }

        if (error == null) {
            Grant grant = deviceBound(content, cookie);
            assertTrue(grant.tokenUrl().value().startsWith("https://"));
            assertEquals(Optional.empty(), grant.cookie(), "a device-bound grant hands out no cookie");
        } else {
            EntitlementRefusedException refused =
                    assertThrows(EntitlementRefusedException.class, () -> deviceBound(content, cookie));
            assertEquals(error, refused.error());
            assertEquals("msg-1", refused.messageId());
        }
        assertEquals(events, trail.summary());
        assertEquals(lookups, expressPlay.lookups.size(), "record retrievals");
        for (AuditEvent event : trail.events()) {
            assertEquals("alice", event.userId());
            assertEquals("msg-1", event.requestId());
            assertEquals(content, event.contentId());
        }
    }

    @Test
    void aGrantAsksForATokenBoundToTheCookieAndDeviceAndAuditsItsFingerprint() throws Exception {
        Grant grant = deviceBound(MOVIE, PENDING_REDEEMED);

        TokenRequest asked = expressPlay.tokenRequests.get(0);
        assertEquals(Optional.of(new Cookie(PENDING_REDEEMED)), asked.cookie());
        assertEquals(Optional.of(new DeviceId(NEW_DEVICE)), asked.device());
        AuditEvent granted = trail.events().get(1);
        assertNotNull(granted.tokenFingerprint());
        assertFalse(granted.tokenFingerprint().contains(grant.tokenUrl().value()), "never the token URL itself");
        // The trail keeps times to the microsecond, as the databases store them and the ledger hashes them.
        assertEquals(asked.expiresAt().truncatedTo(ChronoUnit.MICROS), granted.tokenExpiresAt());
        assertEquals(PENDING_REDEEMED, granted.cookie());
        assertTrue(granted.detail().contains("\"newDevice\":true"), granted.detail());
        assertTrue(granted.detail().contains("\"activeDevices\":2"), granted.detail());
        assertTrue(granted.detail().contains("\"limit\":3"), granted.detail());
    }

    @Test
    void aRefusalAtTheLimitRecordsTheCountsThatDecidedIt() {
        devices.given(new Device(ALICE, new DeviceId("other-device-0"), NOW.minusSeconds(7200)));
        devices.given(new Device(ALICE, new DeviceId("other-device-1"), NOW.minusSeconds(7200)));

        EntitlementRefusedException refused =
                assertThrows(EntitlementRefusedException.class, () -> deviceBound(MOVIE, PENDING_REDEEMED));

        assertTrue(refused.text().startsWith("Your 3 device slots are all in use."), refused.text());
        AuditEvent event = trail.events().get(0);
        assertNull(event.tokenFingerprint());
        assertTrue(event.detail().contains("\"activeDevices\":3"), event.detail());
        assertTrue(event.detail().contains("\"limit\":3"), event.detail());
        assertTrue(event.detail().contains("\"newDevice\":true"), event.detail());
        assertEquals(1, policies.locks(), "a device that would take a slot is counted under the lock");
    }

    @Test
    void aDeprovisionedUserIsRefusedBeforeAnythingIsLookedAt() {
        deprovisioned.add(ALICE);

        EntitlementRefusedException refused =
                assertThrows(EntitlementRefusedException.class, () -> deviceBound(MOVIE, RESOLVED_KNOWN));

        assertEquals(SeesError.USER_DEPROVISIONED, refused.error());
        assertEquals(3013, refused.error().code());
        assertEquals("USER_DEPROVISIONED", trail.events().get(0).reasonCode());
        assertEquals(0, expressPlay.tokenRequests.size(), "ExpressPlay is not asked");
    }

    @Test
    void aKnownDeviceIsAdmittedWithoutTheLock() throws Exception {
        deviceBound(MOVIE, RESOLVED_KNOWN);

        assertEquals(0, policies.locks());
    }

    private Grant deviceBound(String content, String cookie) throws Exception {
        Caller caller = new Caller(ALICE, Set.of("subscribers"), "msg-1", "203.0.113.7");
        return recording.call(() -> service.deviceBound(caller, new ContentId(content), Optional.ofNullable(cookie)));
    }

    private static DeviceBinding binding(String cookie, UserId user) {
        return DeviceBinding.register(new Cookie(cookie), user, NOW.minus(Duration.ofDays(1)), Duration.ofDays(30));
    }

    private static Content content(String id, Optional<String> group) {
        ContentPolicy policy = new ContentPolicy(Duration.ofHours(1), Duration.ofDays(2), group, true);
        return new Content(
                new ContentId(id),
                new WrappedKey("master-1", "c2VhbGVk"),
                "0123456789abcdef0123456789abcdef",
                policy,
                false,
                NOW.minus(Duration.ofDays(10)));
    }

    private static Arguments row(
            String name,
            String content,
            String cookie,
            int extraActive,
            Fakes.TokenAnswer tokenAnswer,
            SeesError error,
            List<String> events,
            int lookups) {
        return Arguments.of(name, content, cookie, extraActive, tokenAnswer, error, events, lookups);
    }
}
