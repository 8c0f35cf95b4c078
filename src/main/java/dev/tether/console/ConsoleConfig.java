package dev.tether.console;

/**
 * What the console's page needs to sign in: {@code configured} false when the IdP's endpoints are
 * not set (the other fields are then absent, but the client id and scope).
 */
public record ConsoleConfig(
        boolean configured, String authorizeUrl, String tokenUrl, String logoutUrl, String clientId, String scope) {}
