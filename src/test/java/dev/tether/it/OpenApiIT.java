package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tether.api.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document each server serves (Liberty at /openapi, WildFly at /tether/openapi) is Tether's (not the simulator's, not a
 * scan of the classes): valid OpenAPI 3.1, titled and versioned by the build, with the bearer
 * scheme, and every resource method with its summary, operationId, tag and roles.
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
}
