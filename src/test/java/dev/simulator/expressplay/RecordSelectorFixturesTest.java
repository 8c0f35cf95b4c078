package dev.simulator.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contract.ContractFixture;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulated record retrieval's selectors against the fixtures in
 * {@code src/test/resources/expressplay/records/selectors}, each transcribed from ExpressPlay's
 * documentation or marked "assumed". The history: 40 visible redemptions, ids 1 to 40, every
 * tenth with cookie B and the others with cookie A, then a 41st with cookie A that a
 * {@link FaultKind#HOLD_BACK} fault keeps out of record retrieval.
 */
class RecordSelectorFixturesTest {

    static final String COOKIE_A = "cookie-a-00000000001";
    static final String COOKIE_B = "cookie-b-00000000002";

    private final SimulatedRecordApi api = new SimulatedRecordApi();

    @BeforeEach
    void history() {
        TransactionHistory history = new TransactionHistory();
        history.faults = new FaultInjector();
        history.clock = Clock.fixed(Instant.parse("2026-04-14T12:00:00Z"), ZoneOffset.UTC);
        for (int i = 1; i <= 40; i++) {
            history.log(i % 10 == 0 ? COOKIE_B : COOKIE_A, "device-" + i, "tether-registration");
        }
        history.faults.add(
                new FaultRequest(SimulatedEndpoint.RIGHTS, FaultKind.HOLD_BACK, 1, null, 10_000L, null, null, null));
        history.log(COOKIE_A, "device-41", "tether-registration");
        api.history = history;
    }

    static Stream<ContractFixture> selectors() {
        return ContractFixture.all("expressplay/records/selectors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectors")
    void everyFixtureNamesItsSource(ContractFixture fixture) {
        String source = fixture.required("source");
        assertTrue(
                source.startsWith("assumed") || source.startsWith("ExpressPlay documentation"),
                fixture + ": a source page or 'assumed', not " + source);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectors")
    void selectsAsDocumented(ContractFixture fixture) {
        Map<String, String> query = query(fixture.required("query"));

        SimulatedRecordApi.Selection selection =
                api.select(query.get("cookie"), query.get("id"), query.get("start"), query.get("length"));

        if (fixture.header("expect-refusal").isPresent()) {
            assertEquals(Integer.valueOf(fixture.required("expect-refusal")), selection.refusal());
            assertTrue(selection.events().isEmpty());
            return;
        }
        assertNull(selection.refusal(), selection.reason());
        assertEquals(ids(fixture.required("expect-event-ids")), idsIn(SimulatedRecordApi.format(selection.events())));
    }

    /** The ids as the answer's JSON carries them: the simulator's assumed format, snake_case, numeric ids. */
    private static List<Long> idsIn(String answer) {
        JsonArray events = Json.createReader(new StringReader(answer)).readArray();
        List<Long> ids = new ArrayList<>();
        for (JsonObject event : events.getValuesAs(JsonObject.class)) {
            ids.add(event.getJsonNumber("event_id").longValueExact());
            assertTrue(event.containsKey("device_id") && event.containsKey("time"), event.toString());
        }
        return ids;
    }

    /** "5-9,11,13-14" as the ids it names; "none" as none. */
    private static List<Long> ids(String ranges) {
        if (ranges.equals("none")) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String range : ranges.split(",")) {
            String[] ends = range.split("-");
            long from = Long.parseLong(ends[0]);
            long to = Long.parseLong(ends[ends.length - 1]);
            LongStream.rangeClosed(from, to).forEach(ids::add);
        }
        return ids;
    }

    private static Map<String, String> query(String text) {
        Map<String, String> query = new HashMap<>();
        if (text.isEmpty()) {
            return query;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
