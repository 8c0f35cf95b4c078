package dev.tether.identity;

import dev.tether.audit.Decision;
import dev.tether.security.UserId;
import java.time.Instant;

/**
 * A user's access ended in the directory (SCIM {@code active: false} or {@code DELETE}): fired
 * synchronously inside the deprovisioning's transaction, so every observer's work commits with it
 * or not at all. Each observer ends what it holds for the user (bindings, cookies and devices;
 * running stream leases once they exist), records its own audit events as {@code decision.about(...)}
 * (the provisioning client as actor) and may add its counts to {@code decision.detail()}, which the
 * deprovisioning's own audit event carries.
 */
public record UserDeprovisioned(UserId user, String actor, Decision decision, Instant at) {}
