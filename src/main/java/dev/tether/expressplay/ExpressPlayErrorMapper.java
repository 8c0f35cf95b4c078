package dev.tether.expressplay;

import dev.tether.platform.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns ExpressPlay's error answers into Tether's exceptions by the statuses ExpressPlay documents
 * (400 invalid arguments, 401 authentication failed, 404 bad URL, 50x server error) and its
 * error body: 401 is a configuration fault; 400 is a refusal, with its code when the body names
 * one; 502, 503 and 504 are transient; anything else (500, 404, an undocumented status) is a
 * misbehaving answer. A body that breaks off while it is read is a dropped connection: transient.
 */
public class ExpressPlayErrorMapper implements ResponseExceptionMapper<ExpressPlayException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ExpressPlayException toThrowable(Response response) {
        int status = response.getStatus();
        if (status == 502 || status == 503 || status == 504) {
            return new ExpressPlayUnavailableException("ExpressPlay answered HTTP " + status);
        }
        String body;
        try {
            body = response.readEntity(String.class);
        } catch (ProcessingException e) {
            if (hasIoCause(e)) {
                return new ExpressPlayUnavailableException("ExpressPlay's error answer broke off", e);
            }
            body = "";
        } catch (IllegalStateException e) {
            body = "";
        }
        return classify(status, body);
    }

    /** The exception for an error answer with {@code status} and {@code body} (read in full). */
    static ExpressPlayException classify(int status, String body) {
        if (status == 502 || status == 503 || status == 504) {
            return new ExpressPlayUnavailableException("ExpressPlay answered HTTP " + status);
        }
        Optional<ErrorBody> error = ErrorBody.parse(body);
        if (status == 401) {
            return new ExpressPlayMisconfiguredException(
                    error.map(ErrorBody::code).orElse(0),
                    error.map(ErrorBody::message).orElse(""));
        }
        if (status == 400) {
            return error.map(e -> new ExpressPlayRefusedException(e.code(), e.message()))
                    .orElseGet(() -> new ExpressPlayRefusedException(
                            ExpressPlayRefusedException.UNREADABLE_CODE, "HTTP 400 without a readable error body"));
        }
        return new ExpressPlayMisbehavedException("ExpressPlay answered HTTP " + status
                + error.map(e -> " with error " + e.code()).orElse(""));
    }

    static boolean hasIoCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * ExpressPlay's error body for {@code errorFormat=json}. Its shape is assumed (DOMAIN.md: the
     * "JSON Errors" section could not be read): {@code {"errorCode": -2018, "errorMessage": "..."}};
     * a code given as a numeric string is read too.
     */
    record ErrorBody(int code, String message) {

        static Optional<ErrorBody> parse(String body) {
            if (body == null || body.isBlank()) {
                return Optional.empty();
            }
            try {
                JsonObject json =
                        Jsonp.provider().createReader(new StringReader(body)).readObject();
                Optional<Integer> code = code(json.get("errorCode"));
                JsonValue message = json.get("errorMessage");
                return code.map(c -> new ErrorBody(c, message instanceof JsonString s ? s.getString() : ""));
            } catch (JsonException | IllegalStateException e) {
                return Optional.empty();
            }
        }

        private static Optional<Integer> code(JsonValue value) {
            if (value instanceof JsonNumber number && number.isIntegral()) {
                return Optional.of(number.intValue());
            }
            if (value instanceof JsonString text && text.getString().matches("-?\\d{1,9}")) {
                return Optional.of(Integer.parseInt(text.getString()));
            }
            return Optional.empty();
        }
    }
}
