package dev.tether.audit;

import java.time.Instant;

/** A device in a user's trail: when the trail first and last shows them together, and how many tokens it got. */
public record UserDevice(String deviceId, Instant firstSeen, Instant lastSeen, long events, long tokens) {}
