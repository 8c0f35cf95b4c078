package dev.tether.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every JSON answer Tether's API writes, in the default configuration both
 * servers' own providers use. Without a resolver, RESTEasy on WildFly built a new {@code Jsonb} for
 * each response it wrote, so Yasson introspected the answer's classes again every time: in issue
 * 22's WildFly profile, 19 % of the server's samples in the device-bound phase, and four caught
 * exceptions per request from the lookups each build makes. A {@code Jsonb} is thread-safe; this
 * one lives as long as the application.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
