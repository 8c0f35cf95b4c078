package dev.simulator.http;

import jakarta.json.spi.JsonProvider;

/** One JSON-P provider: {@code Json.createXxx} looks the provider up again on every call. */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {}

    public static JsonProvider provider() {
        return PROVIDER;
    }
}
