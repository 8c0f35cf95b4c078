package dev.tether.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code Json.createReader} and its siblings look the
 * provider up on every call (a service lookup and, on Open Liberty, a failed class load with its
 * exception), and each provider has its own buffer pool, so every request allocated fresh
 * parser and writer buffers; the flow benchmark found it among the largest allocators.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {}

    public static JsonProvider provider() {
        return PROVIDER;
    }
}
