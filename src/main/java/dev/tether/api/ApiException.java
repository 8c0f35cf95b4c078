package dev.tether.api;

/**
 * The family of errors of Tether's own REST API (not the SEES endpoint): each carries the problem
 * it is answered with.
 */
public class ApiException extends RuntimeException {

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.title());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ApiException badRequest(String slug, String detail) {
        return new ApiException(Problem.of(slug, "Bad request", 400, detail));
    }

    public static ApiException forbidden(String slug, String detail) {
        return new ApiException(Problem.of(slug, "Forbidden", 403, detail));
    }

    public static ApiException notFound(String slug, String detail) {
        return new ApiException(Problem.of(slug, "Not found", 404, detail));
    }

    public static ApiException conflict(String slug, String detail) {
        return new ApiException(Problem.of(slug, "Conflict", 409, detail));
    }
}
