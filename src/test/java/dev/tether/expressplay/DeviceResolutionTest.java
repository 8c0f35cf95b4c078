package dev.tether.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.binding.Cookie;
import dev.tether.binding.DeviceId;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The device of a cookie as {@link ExpressPlayCalls#deviceOf} reads it from record retrieval,
 * which shows only the most recent 32 events with the cookie: a device owns the cookie only if
 * every visible redemption names it; none visible is "not redeemed yet"; several devices are a
 * dispute, never settled by guessing which came first. Records Tether cannot read are logged in
 * one warning that holds no secret.
 */
class DeviceResolutionTest {

    private static final Cookie COOKIE = new Cookie("cookie-of-alice-0001");
    private static final String OTHER_COOKIE = "cookie-of-bob-000002";
    private static final String AUTHENTICATOR = "1000,00112233445566778899aabbccddeeff";
    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);

    private final List<String> asked = new ArrayList<>();
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Logger log = Logger.getLogger(TransactionRecords.class.getName());
    private final Handler collect = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        log.addHandler(collect);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(collect);
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("no event yet", "[]", Set.of()),
                Arguments.of("one redemption", events(event(1, COOKIE.value(), A)), Set.of(A)),
                Arguments.of(
                        "the same device again and again",
                        events(event(1, COOKIE.value(), A), event(5, COOKIE.value(), A), event(9, COOKIE.value(), A)),
                        Set.of(A)),
                Arguments.of(
                        "two devices: a dispute, whatever the order",
                        events(event(9, COOKIE.value(), B), event(1, COOKIE.value(), A)),
                        Set.of(A, B)),
                Arguments.of(
                        "another cookie's device does not count",
                        events(event(1, OTHER_COOKIE, B), event(2, COOKIE.value(), A)),
                        Set.of(A)),
                Arguments.of("a token without a cookie does not count", events(event(1, null, B)), Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void aCookieIsOwnedOnlyByTheOneDeviceEveryVisibleRedemptionNames(String name, String answer, Set<String> seen) {
        CookieRedemptions redemptions =
                callsAnswering(answer).deviceOf(COOKIE).toCompletableFuture().join();

        assertEquals(seen.stream().map(DeviceId::new).collect(Collectors.toSet()), redemptions.devices());
        assertEquals(
                seen.size() == 1 ? Optional.of(new DeviceId(seen.iterator().next())) : Optional.empty(),
                redemptions.owner());
        assertEquals(seen.size() > 1, redemptions.isDisputed());
        assertEquals(List.of(AUTHENTICATOR + " json " + COOKIE.value()), asked, "asked by the cookie, once");
        assertTrue(warnings.isEmpty(), "every record was readable");
    }

    @Test
    void recordsAboutTheCookieThatCannotBeReadAreLoggedOnceWithoutSecrets() {
        String answer =
                "[" + "{\"event_id\": 1, \"cookie\": \"" + COOKIE.value() + "\", \"device_id\": \"not a device!\"},"
                        + "{\"event_id\": 2, \"cookie\": \"" + COOKIE.value() + "\", \"handset\": \"" + B + "\"},"
                        + event(3, COOKIE.value(), A) + "]";

        CookieRedemptions redemptions =
                callsAnswering(answer).deviceOf(COOKIE).toCompletableFuture().join();

        assertEquals(Optional.of(new DeviceId(A)), redemptions.owner(), "the readable record still counts");
        assertEquals(2, redemptions.unreadable());
        assertEquals(1, warnings.size(), "one warning per lookup");
        String message = warnings.get(0).getMessage();
        assertTrue(message.contains("2 record(s)"), message);
        assertTrue(message.contains("handset"), "names the members it found: " + message);
        assertTrue(message.contains("snake_case"), "says the answer's format: " + message);
        assertFalse(message.contains(COOKIE.value()), "not the whole cookie: " + message);
        assertFalse(message.contains(AUTHENTICATOR), message);
        assertFalse(message.contains("00112233445566778899aabbccddeeff"), message);
        assertFalse(message.contains(B) || message.contains("not a device!"), "no value of a record: " + message);
    }

    @Test
    void aRecordAboutAnotherCookieIsNeverReportedAsUnreadable() {
        CookieRedemptions redemptions = callsAnswering("[{\"cookie\": \"" + OTHER_COOKIE + "\", \"handset\": \"x\"}]")
                .deviceOf(COOKIE)
                .toCompletableFuture()
                .join();

        assertEquals(Set.of(), redemptions.devices());
        assertEquals(0, redemptions.unreadable());
        assertTrue(warnings.isEmpty());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "connection refused",
                        new ProcessingException(new ConnectException("refused")),
                        ExpressPlayUnavailableException.class),
                Arguments.of(
                        "connection dropped while the body was read",
                        new ProcessingException(new IllegalStateException(new IOException("reset"))),
                        ExpressPlayUnavailableException.class),
                Arguments.of(
                        "a failure of the exchange that is not I/O",
                        new ProcessingException("cannot read the entity"),
                        ExpressPlayMisbehavedException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailedExchangeIsTransientOnlyWhenTheNetworkFailed(
            String name, ProcessingException failure, Class<? extends ExpressPlayException> expected) {
        ExpressPlayCalls calls = callsAnswering((authenticator, format, cookie) -> {
            throw failure;
        });

        ExpressPlayException thrown = failure(calls);
        assertEquals(expected, thrown.getClass());
    }

    @Test
    void anAnswerThatIsNotJsonIsAMisbehavingAnswer() {
        ExpressPlayCalls calls = callsAnswering("<html><body>Maintenance</body></html>");

        assertEquals(ExpressPlayMisbehavedException.class, failure(calls).getClass());
    }

    /** The failure of the call's stage, as fault tolerance evaluates it. */
    private static ExpressPlayException failure(ExpressPlayCalls calls) {
        CompletionException thrown = assertThrows(
                CompletionException.class,
                () -> calls.deviceOf(COOKIE).toCompletableFuture().join());
        return (ExpressPlayException) thrown.getCause();
    }

    private ExpressPlayCalls callsAnswering(String answer) {
        return callsAnswering((authenticator, format, cookie) -> {
            asked.add(authenticator + " " + format + " " + cookie);
            return answer;
        });
    }

    private static ExpressPlayCalls callsAnswering(RecordRetrievalApi api) {
        ExpressPlayCalls calls = new ExpressPlayCalls();
        calls.recordApi = api;
        calls.stats = new ExpressPlayStats();
        calls.customerAuthenticator = Optional.of(AUTHENTICATOR);
        return calls;
    }

    /** An event in the simulator's format (snake_case, assumed). */
    private static String event(long id, String cookie, String device) {
        return "{\"event_id\": " + id + ", \"time\": \"2026-04-14T12:00:0" + (id % 10)
                + "Z\", \"event_type\": \"FP_LICENSE\"" + (cookie == null ? "" : ", \"cookie\": \"" + cookie + "\"")
                + ", \"device_id\": \"" + device + "\"}";
    }

    private static String events(String... events) {
        return "[" + String.join(", ", events) + "]";
    }
}
