package dev.simulator.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * The simulator against the same documented contract as Tether's adapter (the fixtures in
 * src/test/resources/expressplay/contract): its error codes, messages and statuses are its own,
 * written from the documentation, and must agree with the fixture, not with Tether.
 */
class SimulatorContractTest {

    @Test
    void everyDocumentedErrorHasItsMessageAndStatus() {
        JsonObject fixture = fixture("fairplay-token-errors.json");
        for (JsonValue e : fixture.getJsonArray("errors")) {
            JsonObject error = e.asJsonObject();
            int code = error.getInt("code");
            assertEquals(error.getString("message"), ErrorCodes.message(code), "message of " + code);
            assertEquals(error.getInt("status"), SimulatorErrors.status(code), "status of " + code);
        }
    }

    @Test
    void theDeviceRestrictionAndUseHttpsHaveTheirDocumentedNames() {
        JsonObject fixture = fixture("fairplay-token-request.json");
        var names = fixture.getJsonArray("parameters").stream()
                .map(p -> p.asJsonObject().getString("name"))
                .toList();
        assertEquals(true, names.contains(SimulatedTokenApi.DEVICE_RESTRICTION));
        assertEquals(true, names.contains(SimulatedTokenApi.USE_HTTPS));
    }

    private static JsonObject fixture(String name) {
        try (InputStream in = SimulatorContractTest.class.getResourceAsStream("/expressplay/contract/" + name)) {
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
