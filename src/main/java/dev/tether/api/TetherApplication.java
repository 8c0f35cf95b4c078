package dev.tether.api;

import dev.tether.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** All of Tether's HTTP API lives under the context root; callers authenticate with the SSO's bearer JWT. */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.SUBSCRIBER, Roles.AUDITOR, Roles.ADMIN, Roles.PROVISIONER})
public class TetherApplication extends Application {}
