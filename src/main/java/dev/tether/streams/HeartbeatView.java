package dev.tether.streams;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A renewed lease: when to renew again (seconds), when it expires otherwise, and how many of how many streams run. */
@JsonbPropertyOrder({"id", "heartbeatInterval", "expiresAt", "running", "limit"})
public record HeartbeatView(String id, long heartbeatInterval, Instant expiresAt, long running, int limit) {}
