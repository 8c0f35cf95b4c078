package dev.tether.entitlement;

import dev.tether.security.UserId;
import java.util.Set;

/** Who asked, with the SSO groups that content may require, and the request facts the audit trail keeps. */
public record Caller(UserId user, Set<String> groups, String requestId, String clientAddress) {

    public Caller {
        groups = Set.copyOf(groups);
    }

    /** The same caller, for the request with {@code messageId}. */
    public Caller forRequest(String messageId) {
        return new Caller(user, groups, messageId, clientAddress);
    }
}
