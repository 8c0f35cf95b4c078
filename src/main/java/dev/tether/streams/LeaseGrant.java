package dev.tether.streams;

import java.time.Duration;

/** What a granted stream's player needs to keep its lease: the lease id and how often to renew it. */
public record LeaseGrant(String leaseId, Duration heartbeatInterval) {}
