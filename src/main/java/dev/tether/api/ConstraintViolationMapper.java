package dev.tether.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * Answers a request body or parameter that breaks its Bean Validation constraints with a 400
 * problem naming each field and rule; the rejected values are not echoed back.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    private final AuditedRefusals edge = new AuditedRefusals(() -> security, () -> http);

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        String detail = exception.getConstraintViolations().stream()
                .map(ConstraintViolationMapper::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return edge.audited(
                Problem.of("invalid-request", "Bad request", 400, detail).toResponse(), "INVALID_REQUEST");
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // The path starts with the resource method and parameter (e.g. "rename.arg1.label"); keep the field.
        int dot = path.lastIndexOf('.');
        String field = dot < 0 ? path : path.substring(dot + 1);
        if (field.startsWith("arg")) {
            field = "body";
        }
        return field + ": " + violation.getMessage();
    }
}
