package dev.tether.security;

/** The roles Tether knows; the SSO token's {@code groups} claim carries them. */
public final class Roles {

    /** May ask for license tokens and manage its own devices. */
    public static final String SUBSCRIBER = "subscriber";
    /** May read the audit trail and its reports. */
    public static final String AUDITOR = "auditor";
    /** May manage content and any user's devices. */
    public static final String ADMIN = "admin";
    /** The IdP's provisioning client: may create, change and deprovision users through SCIM. */
    public static final String PROVISIONER = "provisioner";

    private Roles() {}
}
