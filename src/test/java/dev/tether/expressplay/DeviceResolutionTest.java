package dev.tether.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The device id read from ExpressPlay's transaction records for a cookie
 * ({@link ExpressPlayCalls#deviceOf}), as a table of record retrieval answers: the first
 * redemption with the cookie is the registration, and nothing else in the answer may move it.
 */
class DeviceResolutionTest {

    private static final Cookie COOKIE = new Cookie("cookie-of-alice-0001");
    private static final String OTHER_COOKIE = "cookie-of-bob-000002";

    private final List<String> askedFor = new ArrayList<>();

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("no record yet", List.of(), null),
                Arguments.of("no list at all", null, null),
                Arguments.of(
                        "one redemption",
                        List.of(record("2026-04-14T12:00:00Z", COOKIE.value(), "device-a")),
                        "device-a"),
                Arguments.of(
                        "earliest redemption wins, whatever the order",
                        List.of(
                                record("2026-04-14T12:05:00Z", COOKIE.value(), "device-late"),
                                record("2026-04-14T12:00:00Z", COOKIE.value(), "device-first"),
                                record("2026-04-14T12:10:00Z", COOKIE.value(), "device-later")),
                        "device-first"),
                Arguments.of(
                        "fractional seconds are compared exactly",
                        List.of(
                                record("2026-04-14T12:00:00.500Z", COOKIE.value(), "device-second"),
                                record("2026-04-14T12:00:00.250Z", COOKIE.value(), "device-first")),
                        "device-first"),
                Arguments.of(
                        "records for other cookies only",
                        List.of(record("2026-04-14T12:00:00Z", OTHER_COOKIE, "device-b")),
                        null),
                Arguments.of(
                        "an earlier record of another cookie does not count",
                        List.of(
                                record("2026-04-14T11:00:00Z", OTHER_COOKIE, "device-b"),
                                record("2026-04-14T12:00:00Z", COOKIE.value(), "device-a")),
                        "device-a"),
                Arguments.of(
                        "a record without a cookie does not count",
                        List.of(
                                record("2026-04-14T11:00:00Z", null, "device-b"),
                                record("2026-04-14T12:00:00Z", COOKIE.value(), "device-a")),
                        "device-a"),
                Arguments.of(
                        "a malformed device id is skipped",
                        List.of(
                                record("2026-04-14T11:00:00Z", COOKIE.value(), "not a device id"),
                                record("2026-04-14T12:00:00Z", COOKIE.value(), "device-a")),
                        "device-a"),
                Arguments.of(
                        "a missing device id is skipped",
                        List.of(
                                record("2026-04-14T11:00:00Z", COOKIE.value(), null),
                                record("2026-04-14T12:00:00Z", COOKIE.value(), "device-a")),
                        "device-a"),
                Arguments.of(
                        "only malformed device ids: none",
                        List.of(
                                record("2026-04-14T11:00:00Z", COOKIE.value(), ""),
                                record("2026-04-14T12:00:00Z", COOKIE.value(), "x".repeat(129))),
                        null),
                Arguments.of(
                        "an unreadable time comes after every readable one",
                        List.of(
                                record("yesterday", COOKIE.value(), "device-undated"),
                                record("2026-04-14T12:00:00Z", COOKIE.value(), "device-a")),
                        "device-a"),
                Arguments.of(
                        "a missing time comes after every readable one",
                        List.of(
                                record(null, COOKIE.value(), "device-undated"),
                                record("2026-04-14T12:00:00Z", COOKIE.value(), "device-a")),
                        "device-a"),
                Arguments.of(
                        "undated records still name a device",
                        List.of(record("yesterday", COOKIE.value(), "device-undated")),
                        "device-undated"),
                Arguments.of(
                        "null entries are skipped",
                        Arrays.asList(null, record("2026-04-14T12:00:00Z", COOKIE.value(), "device-a")),
                        "device-a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void resolvesTheDeviceOfTheFirstRedemption(String name, List<TransactionRecord> answer, String expected) {
        ExpressPlayCalls calls = callsAnswering((authenticator, format, cookie) -> {
            askedFor.add(cookie);
            return answer;
        });

        assertEquals(
                Optional.ofNullable(expected).map(DeviceId::new),
                calls.deviceOf(COOKIE).toCompletableFuture().join());
        assertEquals(List.of(COOKIE.value()), askedFor, "asked by the cookie, once");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "connection refused",
                        new ProcessingException(new ConnectException("refused")),
                        ExpressPlayUnavailableException.class),
                Arguments.of(
                        "I/O error deep in the chain",
                        new ProcessingException(new IllegalStateException(new IOException("reset"))),
                        ExpressPlayUnavailableException.class),
                Arguments.of(
                        "unreadable body",
                        new ProcessingException("cannot read List<TransactionRecord>"),
                        ExpressPlayMisbehavedException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailedExchangeIsTransientOnlyWhenTheNetworkFailed(
            String name, ProcessingException failure, Class<? extends ExpressPlayException> expected) {
        ExpressPlayCalls calls = callsAnswering((authenticator, format, cookie) -> {
            throw failure;
        });

        CompletionException thrown = assertThrows(
                CompletionException.class,
                () -> calls.deviceOf(COOKIE).toCompletableFuture().join());
        assertEquals(expected, thrown.getCause().getClass(), "a failed stage, as fault tolerance evaluates it");
    }

    private static ExpressPlayCalls callsAnswering(RecordRetrievalApi api) {
        ExpressPlayCalls calls = new ExpressPlayCalls();
        calls.recordApi = api;
        calls.stats = new ExpressPlayStats();
        calls.customerAuthenticator = Optional.of("authenticator");
        return calls;
    }

    private static TransactionRecord record(String time, String cookie, String deviceId) {
        return new TransactionRecord("event", time, cookie, "FairPlayLicense", deviceId);
    }
}
