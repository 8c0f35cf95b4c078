package dev.tether.api;

import dev.tether.platform.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The error page of the servlet container (WEB-INF/web.xml): what the server refuses before
 * Tether's code runs is answered in Tether's shapes, problem details, or the SEES fields on the
 * SEES paths, with the status the container chose and nothing of its message, exception or stack.
 * The SEES fields are written here literally ({@code version}, {@code isAllowed}, {@code error}
 * 1001, {@code errorText}): the api package knows no capability's classes. Asked for directly,
 * it is an unknown path.
 */
@WebServlet(urlPatterns = "/container-error")
public class ContainerErrors extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = code instanceof Integer given && given >= 400 ? given : 404;
        boolean sees = uri instanceof String path && path.startsWith(request.getContextPath() + "/sees/");
        response.resetBuffer();
        response.setStatus(status);
        JsonObjectBuilder body = Jsonp.provider().createObjectBuilder();
        String title = title(status);
        if (sees && status != 401 && status != 403) {
            response.setContentType("application/json");
            body.add("version", 1)
                    .add("isAllowed", false)
                    .add("error", 1001)
                    .add("errorText", "The request is not a valid SEES entitlement request: " + title + ".");
        } else {
            response.setContentType(Problem.MEDIA_TYPE);
            body.add(
                            "type",
                            "https://tether.dev/problems/"
                                    + title.toLowerCase(Locale.ROOT).replace(' ', '-'))
                    .add("title", title)
                    .add("status", status);
            if (request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String id) {
                body.add("requestId", id);
            }
        }
        // Bytes, not the writer: JSON is UTF-8 by definition, and a charset parameter would make
        // the content type something other than the one Tether's API answers with.
        OutputStream out = response.getOutputStream();
        out.write(body.build().toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 500 -> "Internal Error";
            default -> status < 500 ? "Bad Request" : "Internal Error";
        };
    }
}
