package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.OpenApiContract;
import dev.tether.client.ApiClient;
import dev.tether.client.ApiException;
import dev.tether.client.api.SeesApi;
import dev.tether.client.model.SeesRequest;
import dev.tether.client.model.SeesResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document each server serves (Liberty at /openapi, WildFly at /tether/openapi) is Tether's (not the simulator's, not a
 * scan of the classes): valid OpenAPI 3.1, titled and versioned by the build, with the bearer
 * scheme, and every resource method with its summary, operationId, tag and roles; and a client
 * generated from the document's file speaks SEES to the server.
 */
class OpenApiIT extends TetherIT {

    @Test
    void theServedDocumentIsTethersAndDocumentsEveryResourceMethod() {
        HttpResponse<String> served = Http.expectStatus(
                200,
                http.get(URI.create(Http.simulatorOrigin(base) + System.getProperty("tether.openapi.path")), null));

        SwaggerParseResult parsed = OpenApiContract.parse(served.body());
        OpenAPI document = parsed.getOpenAPI();

        assertEquals(List.of(), parsed.getMessages(), "valid OpenAPI 3.1");
        assertEquals("Tether", document.getInfo().getTitle());
        assertEquals(System.getProperty("tether.version"), document.getInfo().getVersion());
        assertNotNull(document.getComponents().getSecuritySchemes().get("bearer"));
        assertNotNull(
                document.getComponents()
                        .getSchemas()
                        .get("SeesRequest")
                        .getProperties()
                        .get("messageID"),
                "the SEES request body is documented");
        assertEquals(
                List.of(),
                OpenApiContract.gaps(document, base.getPath().replaceAll("/$", "")),
                "servers " + document.getServers());
    }

    /** The client a generator makes from the document (pom.xml, openapi-generator) gets a token. */
    @Test
    void aClientGeneratedFromTheDocumentGetsALicenseToken() throws ApiException {
        String bearer = tokenFor("subscriber");
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
        UUID messageId = UUID.randomUUID();

        SeesResponse answer = new SeesApi(client)
                .seesEntitlement(new SeesRequest()
                        .messageID(messageId)
                        .version(SeesRequest.VersionEnum.NUMBER_1)
                        .requestType(SeesRequest.RequestTypeEnum.NUMBER_1)
                        .contentID("demo-movie"));

        assertTrue(answer.getIsAllowed(), answer.toString());
        assertEquals(messageId.toString(), answer.getMessageID());
        assertNotNull(answer.getEpTokenURL());
    }
}
