package dev.tether.identity;

import java.util.Optional;

/**
 * The attributes of a SCIM User that Tether keeps: {@code userName} (the SSO token's subject),
 * {@code externalId}, {@code displayName} and {@code active}. {@code name} and {@code emails}
 * are taken (IdPs send them) and not stored. An absent {@code active} means true on creation.
 */
public record ScimUser(String userName, String externalId, String displayName, Optional<Boolean> active) {}
