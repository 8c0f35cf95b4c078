package dev.tether.operations;

import dev.tether.security.CurrentUser;
import dev.tether.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/admin/expressplay/check}: the operator's one-call check of ExpressPlay's
 * contract (README, "Before going live"). POST, because it spends a token of the account.
 */
@Path("/api/admin/expressplay/check")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ExpressPlayCheckResource {

    @Inject
    ExpressPlayContractCheck check;

    @Inject
    CurrentUser user;

    @POST
    public ContractReport check() {
        return check.run(user.id());
    }
}
