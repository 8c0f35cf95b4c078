package dev.tether.audit;

import java.time.Instant;

/**
 * A user in a device's trail. A device with several users is a sharing signal: a device id is one
 * physical player, so two accounts on it are usually one household or one leaked account.
 */
public record DeviceUser(String userId, Instant firstSeen, Instant lastSeen, long events, long tokens) {}
