package dev.tether.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contract.ContractFixture;
import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Record retrieval answers in every format the documentation leaves possible, kept as fixtures in
 * {@code src/test/resources/expressplay/records/formats} that name their source or say
 * "assumed": what the adapter reads from each, which devices it sees redeeming the cookie, how
 * many records about the cookie it could not read, and how it describes the format.
 */
class RecordFormatFixturesTest {

    static Stream<ContractFixture> formats() {
        return ContractFixture.all("expressplay/records/formats");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everyFixtureNamesItsSource(ContractFixture fixture) {
        String source = fixture.required("source");
        assertTrue(
                source.startsWith("assumed") || source.startsWith("ExpressPlay documentation"),
                fixture + ": a source page or 'assumed', not " + source);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void readsTheDevicesThatRedeemedTheCookie(ContractFixture fixture) {
        Cookie cookie = new Cookie(fixture.required("cookie"));
        if (fixture.header("expect-error").isPresent()) {
            assertEquals("misbehaved", fixture.required("expect-error"));
            assertThrows(ExpressPlayMisbehavedException.class, () -> TransactionRecords.read(fixture.body()));
            return;
        }
        TransactionRecords.Reading reading = TransactionRecords.read(fixture.body());
        CookieRedemptions redemptions = reading.redemptionsOf(cookie);

        assertEquals(expectedDevices(fixture), List.copyOf(redemptions.devices()), "devices");
        assertEquals(Integer.parseInt(fixture.required("expect-unreadable")), redemptions.unreadable(), "unreadable");
        fixture.header("expect-format")
                .ifPresent(format -> assertEquals(format, reading.format().toString()));
        fixture.header("expect-first-time")
                .ifPresent(time -> assertEquals(
                        Instant.parse(time), reading.records().get(0).time().orElseThrow()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void anOwnerOnlyWhenEveryVisibleRedemptionNamesOneDevice(ContractFixture fixture) {
        if (fixture.header("expect-error").isPresent()) {
            return;
        }
        CookieRedemptions redemptions =
                TransactionRecords.read(fixture.body()).redemptionsOf(new Cookie(fixture.required("cookie")));
        List<DeviceId> expected = expectedDevices(fixture);

        assertEquals(expected.size() == 1 ? expected.stream().findFirst() : Optional.empty(), redemptions.owner());
        assertEquals(expected.size() > 1, redemptions.isDisputed());
        assertFalse(redemptions.owner().isPresent() && redemptions.isDisputed());
    }

    private static List<DeviceId> expectedDevices(ContractFixture fixture) {
        String devices = fixture.required("expect-devices");
        return devices.equals("none")
                ? List.of()
                : Arrays.stream(devices.split(",")).map(DeviceId::new).toList();
    }
}
