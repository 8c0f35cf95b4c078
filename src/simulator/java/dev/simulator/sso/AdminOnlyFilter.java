package dev.simulator.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.simulator.http.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.text.ParseException;
import java.util.Date;
import java.util.List;

/**
 * Lets through only a valid, unexpired RS256 token of this development SSO whose groups hold
 * {@code admin}: fault injection can break every flow on the server, so not everyone may use it.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminOnlyFilter implements ContainerRequestFilter {

    static final String ADMIN = "admin";

    @Inject
    SsoKey key;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith("Bearer ")) {
            request.abortWith(Problem.response(401, "unauthorized", "Unauthorized", "A bearer token is required."));
            return;
        }
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(header.substring("Bearer ".length()).strip());
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(key.key().toRSAPublicKey()))) {
                request.abortWith(
                        Problem.response(401, "unauthorized", "Unauthorized", "The token is not this SSO's."));
                return;
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            request.abortWith(Problem.response(401, "unauthorized", "Unauthorized", "The token cannot be read."));
            return;
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.after(new Date())) {
            request.abortWith(Problem.response(401, "unauthorized", "Unauthorized", "The token has expired."));
            return;
        }
        Object groups = claims.getClaim("groups");
        if (!(groups instanceof List<?> list) || !list.contains(ADMIN)) {
            request.abortWith(
                    Problem.response(403, "forbidden", "Forbidden", "Fault injection needs the admin group."));
        }
    }
}
