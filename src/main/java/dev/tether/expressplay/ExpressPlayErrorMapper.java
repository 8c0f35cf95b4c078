package dev.tether.expressplay;

import dev.tether.platform.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns ExpressPlay's error answers into Tether's exceptions: a JSON body with an error code is a
 * refusal; 502, 503 and 504 are transient unavailability; any other error without a readable code
 * (HTTP 500 included) is a misbehaving answer.
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
        Integer code = errorCode(response);
        if (code == null) {
            return new ExpressPlayMisbehavedException("ExpressPlay answered HTTP " + status + " without an error code");
        }
        return new ExpressPlayRefusedException(code, ExpressPlayErrors.meaning(code));
    }

    /** The assumed shape {"errorCode": -2018, "errorMessage": "..."}; null when the body is not that. */
    private static Integer errorCode(Response response) {
        try {
            String body = response.readEntity(String.class);
            JsonObject json =
                    Jsonp.provider().createReader(new StringReader(body)).readObject();
            JsonValue code = json.get("errorCode");
            return code instanceof JsonNumber number ? number.intValue() : null;
        } catch (JsonException | IllegalStateException | jakarta.ws.rs.ProcessingException e) {
            return null;
        }
    }
}
