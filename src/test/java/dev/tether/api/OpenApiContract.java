package dev.tether.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Tether's OpenAPI document must say, checked against the code: every JAX-RS resource
 * method of Tether (not the REST client interfaces to ExpressPlay) is an operation at its path
 * and method, with an operationId, a summary, a tag and the bearer security requirement naming
 * exactly the roles of its {@code @RolesAllowed}; and the document has no operation the code does
 * not serve. Used by the unit test of the file and by the integration test of what each server serves.
 */
public final class OpenApiContract {

    private static final Map<Class<? extends Annotation>, PathItem.HttpMethod> METHODS = Map.of(
            GET.class, PathItem.HttpMethod.GET,
            POST.class, PathItem.HttpMethod.POST,
            PUT.class, PathItem.HttpMethod.PUT,
            DELETE.class, PathItem.HttpMethod.DELETE,
            PATCH.class, PathItem.HttpMethod.PATCH);

    /** One resource method as the code declares it. */
    public record Endpoint(String path, PathItem.HttpMethod method, Set<String> roles, String javaMethod) {}

    private OpenApiContract() {}

    /** The document, with every message of the parser's OpenAPI 3.1 validation (none when it is valid). */
    public static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    /** Every resource method of Tether. */
    public static List<Endpoint> resourceMethods() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tether")) {
            if (type.isInterface() || !type.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            for (Method method : resource.getDeclaredMethods()) {
                METHODS.forEach((annotation, http) -> {
                    if (method.isAnnotationPresent(annotation)) {
                        endpoints.add(new Endpoint(
                                path(resource, method),
                                http,
                                roles(resource, method),
                                resource.getSimpleName() + "." + method.getName()));
                    }
                });
            }
        }
        return endpoints;
    }

    /**
     * What the document lacks or says wrongly; empty when it documents the code exactly. A
     * documented path counts as its server's path followed by the path, as a client resolves it
     * (the file's paths are relative to the context root and name no server; Liberty serves them
     * with a server URL that ends in the context root, WildFly with the context root in each
     * path), compared with {@code contextRoot} followed by the resource's path.
     */
    public static List<String> gaps(OpenAPI document, String contextRoot) {
        String serverPath =
                document.getServers() == null || document.getServers().isEmpty()
                        ? ""
                        : URI.create(document.getServers().get(0).getUrl()).getPath();
        String prefix = serverPath.endsWith("/") ? serverPath.substring(0, serverPath.length() - 1) : serverPath;
        Map<String, PathItem> paths = new TreeMap<>();
        document.getPaths().forEach((path, item) -> paths.put(prefix + path, item));
        List<String> gaps = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) ->
                item.readOperationsMap().keySet().forEach(method -> documented.add(method + " " + path)));
        for (Endpoint endpoint : resourceMethods()) {
            String full = contextRoot + endpoint.path();
            String name = endpoint.method() + " " + full + " (" + endpoint.javaMethod() + ")";
            documented.remove(endpoint.method() + " " + full);
            PathItem item = paths.get(full);
            Operation operation = item == null ? null : item.readOperationsMap().get(endpoint.method());
            if (operation == null) {
                gaps.add(name + ": not documented");
                continue;
            }
            if (blank(operation.getSummary())) {
                gaps.add(name + ": no summary");
            }
            if (blank(operation.getOperationId())) {
                gaps.add(name + ": no operationId");
            }
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                gaps.add(name + ": no tag");
            }
            List<SecurityRequirement> security =
                    operation.getSecurity() == null ? document.getSecurity() : operation.getSecurity();
            // "security: []" says that the operation needs no token: a @PermitAll method's.
            Set<String> roles = security == null
                    ? null
                    : security.isEmpty()
                            ? Set.of()
                            : security.get(0).get("bearer") == null
                                    ? null
                                    : new TreeSet<>(security.get(0).get("bearer"));
            if (!endpoint.roles().equals(roles)) {
                gaps.add(name + ": security names roles " + roles + ", the code " + endpoint.roles());
            }
        }
        documented.forEach(extra -> gaps.add(extra + ": documented, but no resource method serves it"));
        return gaps;
    }

    private static String path(Class<?> resource, Method method) {
        String path = "/" + resource.getAnnotation(Path.class).value() + "/"
                + (method.isAnnotationPresent(Path.class)
                        ? method.getAnnotation(Path.class).value()
                        : "");
        path = withoutRegexes(path).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** {@code {id: [0-9]{1,18}}} as OpenAPI names it: {@code {id}}. */
    private static String withoutRegexes(String path) {
        StringBuilder plain = new StringBuilder();
        int depth = 0;
        boolean inRegex = false;
        for (char c : path.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    plain.append(c);
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    inRegex = false;
                    plain.append(c);
                }
            } else if (depth == 1 && c == ':') {
                inRegex = true;
            } else if (depth == 0 || (!inRegex && !Character.isWhitespace(c))) {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    private static Set<String> roles(Class<?> resource, Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Set.of();
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : resource.getAnnotation(RolesAllowed.class);
        return allowed == null ? Set.of() : new TreeSet<>(List.of(allowed.value()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
