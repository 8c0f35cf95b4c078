package dev.tether.it;

import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;

/**
 * Whoever injects faults into the simulated ExpressPlay (/simulator/faults, an admin's token) and
 * reads what the simulator saw: how many calls, and how many at once.
 */
final class FaultOperator {

    private final Http http;

    FaultOperator(Http http) {
        this.http = http;
    }

    /** Injects a fault into the simulated ExpressPlay. */
    void inject(String bearer, JsonObjectBuilder fault) {
        HttpResponse<String> response =
                http.call("POST", "/simulator/faults", bearer, fault.build().toString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "fault injection answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Removes every fault and resets the simulator's counters. */
    void reset(String bearer) {
        HttpResponse<String> response = http.call("DELETE", "/simulator/faults", bearer, null);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("fault reset answered " + response.statusCode());
        }
    }

    /** The simulator's faults and counters, whatever the answer. */
    HttpResponse<String> state(String bearer) {
        return http.get("/simulator/faults", bearer);
    }

    /** How many calls the simulated ExpressPlay endpoint (TOKEN, RECORDS, RIGHTS) has received. */
    long calls(String bearer, String endpoint) {
        HttpResponse<String> response = state(bearer);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("fault state answered " + response.statusCode());
        }
        return Http.json(response.body())
                .getJsonObject("calls")
                .getJsonNumber(endpoint)
                .longValue();
    }

    /** Makes the simulated account {@code customerId} refuse (or accept) device restrictions with -6008. */
    void deviceBinding(String bearer, String customerId, boolean binds) {
        HttpResponse<String> response =
                http.call("PUT", "/simulator/accounts/" + customerId, bearer, "{\"deviceBinding\": " + binds + "}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("account mode answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Returns the simulated account to its configured mode. */
    void resetAccount(String bearer, String customerId) {
        HttpResponse<String> response = http.call("DELETE", "/simulator/accounts/" + customerId, bearer, null);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("account reset answered " + response.statusCode());
        }
    }
}
