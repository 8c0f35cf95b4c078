package dev.tether.expressplay;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * ExpressPlay's record retrieval API: the transaction history, here by cookie (ExpressPlay
 * answers the most recent events with that cookie, up to 32). The answer is taken as text, not
 * bound to a type: its schema is not documented, so {@link TransactionRecords} reads it, and a
 * connection dropped mid-answer stays an I/O failure of the exchange rather than a binding error.
 */
@RegisterRestClient(configKey = "expressplay-records")
@RegisterProvider(ExpressPlayErrorMapper.class)
@Path("/cmiapi/getrecord/")
public interface RecordRetrievalApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String byCookie(
            @QueryParam("customerAuthenticator") String customerAuthenticator,
            @QueryParam("errorFormat") String errorFormat,
            @QueryParam("cookie") String cookie);
}
