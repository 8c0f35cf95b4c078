package dev.simulator.expressplay;

import dev.simulator.http.Jsonp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * ExpressPlay's record retrieval, {@code /cmiapi/getrecord/}, by its documented selectors
 * (DOMAIN.md, "Record retrieval", from ExpressPlay's record retrieval page): exactly one of
 * {@code cookie} (the most recent events with that cookie, up to 32), {@code id} (one event by its
 * integer id) and {@code start} with {@code length} ({@code start} a 0-based index into the
 * history); more than one is unsupported, so refused; none answers the latest 32 events. What
 * each selector sees is {@link TransactionHistory}'s.
 *
 * <p>Assumed, because the documentation is silent, and decided here only: the answer's format
 * (see {@link #format}); that a refused selector is HTTP 400 with ExpressPlay's error body
 * (ExpressPlay documents 400 for invalid arguments, but no error code for these, hence
 * {@link #BAD_SELECTOR}); that {@code start} and {@code length} go together and a page is at most
 * {@value #MAX_LENGTH} events; that an unknown id answers an empty list.
 */
@Path("/expressplay/cmiapi/getrecord")
@RequestScoped
@InjectsFaults(SimulatedEndpoint.RECORDS)
public class SimulatedRecordApi {

    /** The longest page of {@code start} and {@code length} (assumed). */
    static final int MAX_LENGTH = 1000;
    /** The error code of a refused selector (assumed: none is documented for record retrieval). */
    static final int BAD_SELECTOR = -1;
    /** ExpressPlay's cookie limit, as its token API documents it. */
    static final int MAX_COOKIE_LENGTH = 32;

    @Inject
    SimulatorAccounts accounts;

    @Inject
    TransactionHistory history;

    @GET
    public Response records(
            @QueryParam("customerAuthenticator") String authenticator,
            @QueryParam("errorFormat") String errorFormat,
            @QueryParam("cookie") String cookie,
            @QueryParam("id") String id,
            @QueryParam("start") String start,
            @QueryParam("length") String length) {
        boolean json = "json".equals(errorFormat);
        Optional<Integer> account = accounts.check(authenticator);
        if (account.isPresent()) {
            return SimulatorErrors.refuse(account.get(), ErrorCodes.message(account.get()), json);
        }
        Selection selection = select(cookie, id, start, length);
        if (selection.refusal() != null) {
            return SimulatorErrors.refuse(selection.refusal(), selection.reason(), json);
        }
        return Response.ok(format(selection.events()), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** What the selectors of a query select: the events, or the error code and reason of a refusal. */
    record Selection(List<TransactionHistory.Event> events, Integer refusal, String reason) {

        static Selection of(List<TransactionHistory.Event> events) {
            return new Selection(events, null, null);
        }

        static Selection refused(int code, String reason) {
            return new Selection(List.of(), code, reason);
        }
    }

    Selection select(String cookie, String id, String start, String length) {
        int selectors = (cookie != null ? 1 : 0) + (id != null ? 1 : 0) + (start != null || length != null ? 1 : 0);
        if (selectors > 1) {
            return Selection.refused(
                    BAD_SELECTOR, "more than one selector is not supported: use cookie, id, or start and length");
        }
        if (cookie != null) {
            if (cookie.isEmpty() || cookie.length() > MAX_COOKIE_LENGTH) {
                return Selection.refused(ErrorCodes.INVALID_COOKIE, ErrorCodes.message(ErrorCodes.INVALID_COOKIE));
            }
            return Selection.of(history.byCookie(cookie));
        }
        if (id != null) {
            Long eventId = number(id);
            return eventId == null
                    ? Selection.refused(BAD_SELECTOR, "id must be an integer event id")
                    : Selection.of(history.byId(eventId).map(List::of).orElse(List.of()));
        }
        if (start != null || length != null) {
            Long index = number(start);
            Long count = number(length);
            if (index == null || count == null || count < 1 || count > MAX_LENGTH) {
                return Selection.refused(
                        BAD_SELECTOR, "start (a 0-based index) and length (1 to " + MAX_LENGTH + ") go together");
            }
            return Selection.of(history.page(index, count.intValue()));
        }
        return Selection.of(history.latest());
    }

    /**
     * The answer (assumed): a top-level JSON array of events, oldest first, with snake_case
     * members, as the documentation's {@code event_id} suggests: {@code event_id} a number (the
     * documentation calls it an integer), {@code time} in RFC 3339 UTC (the form ExpressPlay
     * documents for its times elsewhere), {@code event_type}, {@code cookie} (absent for a
     * token without one), {@code device_id}, {@code asset_id}.
     */
    static String format(List<TransactionHistory.Event> events) {
        JsonArrayBuilder array = Jsonp.provider().createArrayBuilder();
        for (TransactionHistory.Event e : events) {
            JsonObjectBuilder o = Jsonp.provider()
                    .createObjectBuilder()
                    .add("event_id", e.eventId())
                    .add("time", e.time().toString())
                    .add("event_type", e.eventType())
                    .add("device_id", e.deviceId())
                    .add("asset_id", e.assetId());
            if (e.cookie() != null) {
                o.add("cookie", e.cookie());
            }
            array.add(o);
        }
        return array.build().toString();
    }

    /** A non-negative integer, or null when absent or not one. */
    private static Long number(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 18
                || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(text);
    }
}
