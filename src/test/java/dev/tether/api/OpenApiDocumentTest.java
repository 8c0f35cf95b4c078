package dev.tether.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tether.entitlement.SeesError;
import dev.tether.platform.Refusal;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as written (META-INF/openapi.yaml): valid OpenAPI 3.1, in step with the
 * resource methods and their roles, and listing every problem type and SEES error code the code has.
 */
class OpenApiDocumentTest {

    private static OpenAPI document;
    private static SwaggerParseResult parsed;

    @BeforeAll
    static void read() throws IOException {
        parsed = OpenApiContract.parse(Files.readString(Path.of("src/main/resources/META-INF/openapi.yaml")));
        document = parsed.getOpenAPI();
    }

    @Test
    void isValidOpenApi31() {
        assertEquals(List.of(), parsed.getMessages());
        assertEquals("3.1.0", document.getOpenapi());
        assertEquals("Tether", document.getInfo().getTitle());
        assertEquals(
                "http",
                document.getComponents()
                        .getSecuritySchemes()
                        .get("bearer")
                        .getType()
                        .toString());
    }

    @Test
    void documentsEveryResourceMethodWithItsRoles() {
        assertTrue(OpenApiContract.resourceMethods().size() > 30, "the resources were found");
        assertEquals(List.of(), OpenApiContract.gaps(document, ""));
    }

    @Test
    void listsEverySeesErrorCode() {
        Set<Integer> codes =
                Arrays.stream(SeesError.values()).map(SeesError::code).collect(Collectors.toCollection(TreeSet::new));
        Schema<?> schema = document.getComponents().getSchemas().get("SeesErrorCode");
        assertEquals(
                codes,
                new TreeSet<>(schema.getEnum().stream()
                        .map(c -> ((Number) c).intValue())
                        .toList()));
    }

    @Test
    void listsEveryProblemTypeOfEveryRefusal() {
        Set<String> slugs = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tether")) {
            Class<?> refusal = type.reflect();
            if (refusal.isEnum() && Refusal.class.isAssignableFrom(refusal) && refusal != SeesError.class) {
                for (Object reason : refusal.getEnumConstants()) {
                    slugs.add(((Refusal) reason).slug());
                }
            }
        }
        Schema<?> problem = document.getComponents().getSchemas().get("Problem");
        Schema<?> type = (Schema<?>) problem.getProperties().get("type");
        @SuppressWarnings("unchecked")
        List<String> listed = (List<String>) type.getExtensions().get("x-problem-slugs");
        assertTrue(slugs.size() > 20, "the refusals were found");
        assertEquals(Set.of(), slugs.stream().filter(s -> !listed.contains(s)).collect(Collectors.toSet()));
    }
}
