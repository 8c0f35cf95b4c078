package dev.simulator.http;

import jakarta.ws.rs.core.Response;

/** A refusal of one of the simulator's own endpoints, answered as problem details. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Bad request", detail);
    }

    public Response toResponse() {
        return Problem.response(status, slug, title, getMessage());
    }
}
