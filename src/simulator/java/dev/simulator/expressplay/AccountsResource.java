package dev.simulator.expressplay;

import dev.simulator.http.ProblemException;
import dev.simulator.sso.AdminOnly;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The modes of a simulated customer account, for a development-SSO token with the {@code admin}
 * group: {@code PUT {"deviceBinding": false}} makes the account refuse device restrictions with
 * -6008; {@code DELETE} returns it to its configured mode.
 */
@Path("/accounts/{customerId}")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    /** An account's mode. */
    public record Mode(@NotNull Boolean deviceBinding) {}

    @Inject
    SimulatorAccounts accounts;

    @GET
    public Mode mode(@PathParam("customerId") String customerId) {
        return new Mode(accounts.bindsDevicesById(checked(customerId)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Mode set(@PathParam("customerId") String customerId, @NotNull Mode mode) {
        if (mode.deviceBinding() == null) {
            throw ProblemException.badRequest("account-mode", "Give 'deviceBinding': true or false.");
        }
        accounts.setDeviceBinding(checked(customerId), mode.deviceBinding());
        return mode(customerId);
    }

    /** Which DRMs the account was made to refuse (-6009, -7011, -5002). */
    public record Drms(java.util.Set<String> disabled) {}

    /** Whether a DRM's token API serves the account: {@code {"enabled": false}} disables it. */
    public record DrmMode(@NotNull Boolean enabled) {}

    @GET
    @Path("drms")
    public Drms drms(@PathParam("customerId") String customerId) {
        return new Drms(accounts.disabledDrms(checked(customerId)));
    }

    @PUT
    @Path("drms/{drm}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Drms setDrm(
            @PathParam("customerId") String customerId, @PathParam("drm") String drm, @NotNull DrmMode mode) {
        if (!drm.matches("fairplay|widevine|playready")) {
            throw ProblemException.badRequest("drm", "A DRM is fairplay, widevine or playready.");
        }
        if (mode.enabled() == null) {
            throw ProblemException.badRequest("drm-mode", "Give 'enabled': true or false.");
        }
        accounts.setDrmEnabled(checked(customerId), drm, mode.enabled());
        return drms(customerId);
    }

    @DELETE
    public Response reset(@PathParam("customerId") String customerId) {
        accounts.resetDeviceBinding(checked(customerId));
        return Response.noContent().build();
    }

    private static String checked(String customerId) {
        if (!customerId.matches("[0-9]{1,12}")) {
            throw ProblemException.badRequest("account-id", "A customer id is 1 to 12 digits.");
        }
        return customerId;
    }
}
