package dev.simulator.expressplay;

import dev.simulator.http.Jsonp;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How the simulator refuses, like ExpressPlay. Statuses: only the documented ones (the token API
 * pages' status table: 400 invalid arguments, 401 authentication failed, 404 bad URL, 50x server
 * error), so an authenticator ExpressPlay does not accept (-2017, -2018) is 401 and every other
 * refusal, account states included (-2019, -2031, -6008, -6009), is 400 (which code goes with
 * which of the two is assumed: the pages do not pair them). Bodies: with {@code errorFormat=json}
 * {@code {"errorCode": -2018, "errorMessage": "..."}} (assumed: the "JSON Errors" section the
 * pages link could not be read), otherwise, ExpressPlay's default {@code html}, a small HTML page
 * naming the code and the message (assumed).
 */
final class SimulatorErrors {

    private SimulatorErrors() {}

    static Response refuse(int code, String message, boolean json) {
        int status = status(code);
        if (json) {
            String body = Jsonp.provider()
                    .createObjectBuilder()
                    .add("errorCode", code)
                    .add("errorMessage", message)
                    .build()
                    .toString();
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body)
                    .build();
        }
        String html = "<html><body><h1>Error " + code + "</h1><p>" + escape(message) + "</p></body></html>";
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(html)
                .build();
    }

    static int status(int code) {
        return code == ErrorCodes.AUTHENTICATOR_MISSING || code == ErrorCodes.AUTHENTICATOR_INVALID ? 401 : 400;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
