package dev.tether.entitlement;

import dev.tether.security.UserId;

/** Who asked, and the request facts the audit trail keeps. */
public record Caller(UserId user, String requestId, String clientAddress) {
}
