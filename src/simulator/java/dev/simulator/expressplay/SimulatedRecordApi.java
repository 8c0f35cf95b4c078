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
 * ExpressPlay's record retrieval, {@code /cmiapi/getrecord/}: the transaction history by
 * {@code cookie}, by event {@code id}, or a page ({@code start} and {@code length}); with no
 * selector, the latest 32 events. The response shape is assumed (DOMAIN.md).
 */
@Path("/expressplay/cmiapi/getrecord")
@RequestScoped
@InjectsFaults(SimulatedEndpoint.RECORDS)
public class SimulatedRecordApi {

    static final int MAX_LENGTH = 1000;

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
        int selectors = (cookie != null ? 1 : 0) + (id != null ? 1 : 0) + (start != null || length != null ? 1 : 0);
        if (selectors > 1) {
            return SimulatorErrors.refuse(-1, "use exactly one of cookie, id, or start and length", json);
        }
        List<TransactionHistory.Event> events;
        try {
            if (cookie != null) {
                events = history.matching(e -> cookie.equals(e.cookie()));
            } else if (id != null) {
                long eventId = Long.parseLong(id);
                events = history.matching(e -> e.eventId() == eventId);
            } else if (start != null || length != null) {
                int pageLength = length == null ? TransactionHistory.DEFAULT_COUNT : Integer.parseInt(length);
                if (start == null || pageLength < 1 || pageLength > MAX_LENGTH) {
                    return SimulatorErrors.refuse(-1, "start is required and length must be 1 to " + MAX_LENGTH, json);
                }
                events = history.range(Long.parseLong(start), pageLength);
            } else {
                events = history.latest(TransactionHistory.DEFAULT_COUNT);
            }
        } catch (NumberFormatException e) {
            return SimulatorErrors.refuse(-1, "id, start and length must be numbers", json);
        }
        JsonArrayBuilder array = Jsonp.provider().createArrayBuilder();
        for (TransactionHistory.Event e : events) {
            JsonObjectBuilder o = Jsonp.provider()
                    .createObjectBuilder()
                    .add("eventId", Long.toString(e.eventId()))
                    .add("time", e.time().toString())
                    .add("eventType", e.eventType())
                    .add("deviceId", e.deviceId())
                    .add("assetId", e.assetId());
            if (e.cookie() != null) {
                o.add("cookie", e.cookie());
            }
            array.add(o);
        }
        return Response.ok(array.build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
