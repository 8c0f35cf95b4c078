package dev.tether.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.binding.Admission.Outcome;
import dev.tether.content.ContentId;
import dev.tether.security.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Device admission as a decision table: what the user's devices are, what the request's device is,
 * and what admission answers, whether it locked the user's policy row (only a device that would
 * take a slot does), and what it changed.
 */
class DeviceRosterTest {

    private static final Instant NOW = Instant.parse("2026-04-14T12:00:00Z");
    private static final Instant EARLIER = NOW.minus(Duration.ofDays(3));
    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");
    private static final UserId ADMIN = new UserId("root");
    private static final DeviceId ASKING = new DeviceId("asking-device");
    private static final ContentId MOVIE = new ContentId("movie");
    private static final int DEFAULT_LIMIT = 3;
    private static final int UNCOUNTED = Admission.UNCOUNTED;

    /** The asking device's state before the request. */
    enum Asking {
        UNKNOWN,
        ACTIVE,
        REMOVED,
        REVOKED,
        REVOKED_AND_REMOVED
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // name, asking, other active, other revoked, override, outcome, active, limit, new, locks, after
                row(
                        "known active device: no lock, uncounted",
                        Asking.ACTIVE,
                        2,
                        0,
                        null,
                        Outcome.ADMITTED,
                        UNCOUNTED,
                        UNCOUNTED,
                        false,
                        0,
                        DeviceStatus.ACTIVE),
                row(
                        "known active device over a lowered limit keeps working",
                        Asking.ACTIVE,
                        4,
                        0,
                        1,
                        Outcome.ADMITTED,
                        UNCOUNTED,
                        UNCOUNTED,
                        false,
                        0,
                        DeviceStatus.ACTIVE),
                row(
                        "new device, no devices yet",
                        Asking.UNKNOWN,
                        0,
                        0,
                        null,
                        Outcome.ADMITTED,
                        1,
                        3,
                        true,
                        1,
                        DeviceStatus.ACTIVE),
                row(
                        "new device under the limit",
                        Asking.UNKNOWN,
                        2,
                        0,
                        null,
                        Outcome.ADMITTED,
                        3,
                        3,
                        true,
                        1,
                        DeviceStatus.ACTIVE),
                row("new device at the limit", Asking.UNKNOWN, 3, 0, null, Outcome.LIMIT_REACHED, 3, 3, true, 1, null),
                row(
                        "revoked devices hold no slot",
                        Asking.UNKNOWN,
                        2,
                        2,
                        null,
                        Outcome.ADMITTED,
                        3,
                        3,
                        true,
                        1,
                        DeviceStatus.ACTIVE),
                row(
                        "removed device coming back under the limit",
                        Asking.REMOVED,
                        1,
                        0,
                        null,
                        Outcome.ADMITTED,
                        2,
                        3,
                        true,
                        1,
                        DeviceStatus.ACTIVE),
                row(
                        "removed device coming back at the limit",
                        Asking.REMOVED,
                        3,
                        0,
                        null,
                        Outcome.LIMIT_REACHED,
                        3,
                        3,
                        true,
                        1,
                        DeviceStatus.REMOVED),
                row(
                        "revoked device",
                        Asking.REVOKED,
                        0,
                        0,
                        null,
                        Outcome.REVOKED,
                        0,
                        3,
                        false,
                        1,
                        DeviceStatus.REVOKED),
                row(
                        "revoked and removed device does not come back",
                        Asking.REVOKED_AND_REMOVED,
                        0,
                        0,
                        null,
                        Outcome.REVOKED,
                        0,
                        3,
                        false,
                        1,
                        DeviceStatus.REVOKED),
                row(
                        "override above the default",
                        Asking.UNKNOWN,
                        3,
                        0,
                        5,
                        Outcome.ADMITTED,
                        4,
                        5,
                        true,
                        1,
                        DeviceStatus.ACTIVE),
                row("override at its limit", Asking.UNKNOWN, 5, 0, 5, Outcome.LIMIT_REACHED, 5, 5, true, 1, null),
                row(
                        "override below the active devices",
                        Asking.UNKNOWN,
                        2,
                        0,
                        1,
                        Outcome.LIMIT_REACHED,
                        2,
                        1,
                        true,
                        1,
                        null),
                row(
                        "override zero admits no new device",
                        Asking.UNKNOWN,
                        0,
                        0,
                        0,
                        Outcome.LIMIT_REACHED,
                        0,
                        0,
                        true,
                        1,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void admission(
            String name,
            Asking asking,
            int otherActive,
            int otherRevoked,
            Integer override,
            Outcome outcome,
            long activeDevices,
            int limit,
            boolean newDevice,
            int locks,
            DeviceStatus after) {
        InMemoryDevices devices = new InMemoryDevices();
        InMemoryDevicePolicies policies = new InMemoryDevicePolicies();
        for (int i = 0; i < otherActive; i++) {
            devices.given(new Device(ALICE, new DeviceId("active-" + i), EARLIER));
        }
        for (int i = 0; i < otherRevoked; i++) {
            devices.given(new Device(ALICE, new DeviceId("revoked-" + i), EARLIER))
                    .revoke(ADMIN, "stolen", EARLIER);
        }
        // Another user's devices never count toward Alice's limit.
        for (int i = 0; i < DEFAULT_LIMIT; i++) {
            devices.given(new Device(BOB, new DeviceId("bob-" + i), EARLIER));
        }
        givenAsking(devices, asking);
        if (override != null) {
            policies.override(ALICE, override);
        }

        Admission admission = Rosters.of(devices, policies, DEFAULT_LIMIT).admit(ALICE, ASKING, MOVIE, NOW);

        assertEquals(new Admission(outcome, activeDevices, limit, newDevice), admission);
        assertEquals(locks, policies.locks(), "policy row locks");
        assertEquals(after, devices.find(ALICE, ASKING).map(Device::status).orElse(null), "asking device after");
        if (outcome == Outcome.ADMITTED) {
            Device admitted = devices.find(ALICE, ASKING).orElseThrow();
            assertEquals(NOW, admitted.lastSeenAt(), "last seen");
            assertEquals(MOVIE.value(), admitted.lastContentId().orElseThrow(), "last content");
        }
    }

    private static void givenAsking(InMemoryDevices devices, Asking asking) {
        if (asking == Asking.UNKNOWN) {
            return;
        }
        Device device = devices.given(new Device(ALICE, ASKING, EARLIER));
        if (asking == Asking.REMOVED || asking == Asking.REVOKED_AND_REMOVED) {
            device.remove(EARLIER.plusSeconds(60));
        }
        if (asking == Asking.REVOKED || asking == Asking.REVOKED_AND_REMOVED) {
            device.revoke(ADMIN, "shared account", EARLIER.plusSeconds(120));
        }
    }

    private static Arguments row(
            String name,
            Asking asking,
            int otherActive,
            int otherRevoked,
            Integer override,
            Outcome outcome,
            long activeDevices,
            int limit,
            boolean newDevice,
            int locks,
            DeviceStatus after) {
        return Arguments.of(
                name,
                asking,
                otherActive,
                otherRevoked,
                override,
                outcome,
                activeDevices,
                limit,
                newDevice,
                locks,
                after);
    }
}
