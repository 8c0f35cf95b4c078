package dev.simulator.expressplay;

import dev.simulator.http.Jsonp;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How the simulator refuses, like ExpressPlay: with {@code errorFormat=json} the assumed body
 * {@code {"errorCode": -2018, "errorMessage": "..."}}, otherwise a small HTML page. Which HTTP
 * status goes with which code is assumed too, and decided here only.
 */
final class SimulatorErrors {

    private SimulatorErrors() {}

    static Response refuse(int code, String message, boolean json) {
        int status = switch (code) {
            case ErrorCodes.AUTHENTICATOR_MISSING, ErrorCodes.AUTHENTICATOR_INVALID -> 401;
            case ErrorCodes.OUT_OF_TOKENS,
                    ErrorCodes.ACCOUNT_DISABLED,
                    ErrorCodes.FAIRPLAY_DISABLED,
                    ErrorCodes.DEVICE_BINDING_UNSUPPORTED -> 403;
            default -> 400;
        };
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

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
