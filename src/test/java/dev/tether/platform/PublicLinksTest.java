package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicLinksTest {

    /** A request that came in for a host the client chose. */
    private static UriInfo request() {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBaseUri")) {
                        return URI.create("http://evil.example:80/tether/");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static PublicLinks links(String base) {
        PublicLinks links = new PublicLinks();
        links.publicBaseUrl = Optional.ofNullable(base);
        return links;
    }

    @Test
    void withoutAPublicBaseUrlALinkIsAPathWithNoHost() {
        assertEquals("/tether/console/", links(null).to(request(), "console/"));
        assertEquals("/tether/scim/v2/Users/1", links(null).to(request(), "/scim/v2/Users/1"));
    }

    @Test
    void withAPublicBaseUrlALinkIsUnderIt() {
        for (String base : new String[] {"https://drm.example.com/tether", "https://drm.example.com/tether/"}) {
            assertEquals("https://drm.example.com/tether/console/", links(base).to(request(), "console/"));
            assertEquals(
                    "https://drm.example.com/tether/api/audit/events",
                    links(base).to(request(), "/api/audit/events"));
        }
    }
}
