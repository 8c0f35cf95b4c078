package dev.tether.expressplay;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ExpressPlay's record retrieval API: the transaction history, here by cookie. */
@RegisterRestClient(configKey = "expressplay-records")
@RegisterProvider(ExpressPlayErrorMapper.class)
@Path("/cmiapi/getrecord/")
public interface RecordRetrievalApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<TransactionRecord> byCookie(
            @QueryParam("customerAuthenticator") String customerAuthenticator,
            @QueryParam("errorFormat") String errorFormat,
            @QueryParam("cookie") String cookie);
}
