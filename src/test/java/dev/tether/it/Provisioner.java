package dev.tether.it;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The IdP's provisioning client speaking SCIM 2.0 to /scim/v2/Users. */
final class Provisioner {

    static final String SCIM = "application/scim+json";

    private final Http http;

    Provisioner(Http http) {
        this.http = http;
    }

    /** A User body with {@code userName} and {@code active}. */
    static String user(String userName, boolean active) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                + "\",\"externalId\":\"ext-" + userName + "\",\"name\":{\"givenName\":\"Test\"},"
                + "\"emails\":[{\"value\":\"" + userName + "@example.com\",\"primary\":true}],\"active\":" + active
                + "}";
    }

    /** A PatchOp setting {@code active}, as Okta sends it (a path and a boolean). */
    static String setActive(boolean active) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":" + active + "}]}";
    }

    HttpResponse<String> send(String method, String path, String bearer, String body) {
        HttpRequest.Builder request = http.request("/scim/v2/Users" + path, bearer)
                .header("Accept", SCIM)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", SCIM);
        }
        return http.send(request.build());
    }

    HttpResponse<String> create(String bearer, String body) {
        return send("POST", "", bearer, body);
    }

    HttpResponse<String> find(String bearer, String userName) {
        return send("GET", "?filter=" + Http.enc("userName eq \"" + userName + "\""), bearer, null);
    }

    HttpResponse<String> patch(String bearer, String id, String body) {
        return send("PATCH", "/" + id, bearer, body);
    }

    HttpResponse<String> replace(String bearer, String id, String body) {
        return send("PUT", "/" + id, bearer, body);
    }

    HttpResponse<String> delete(String bearer, String id) {
        return send("DELETE", "/" + id, bearer, null);
    }

    HttpResponse<String> read(String bearer, String id) {
        return send("GET", "/" + id, bearer, null);
    }
}
