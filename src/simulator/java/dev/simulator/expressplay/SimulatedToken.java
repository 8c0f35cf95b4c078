package dev.simulator.expressplay;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulator's ExpressPlayToken: an HMAC-signed JWS, opaque to clients, that carries a
 * reference to the content key, the cookie, the device restriction, the expiry and the rental
 * duration, and for Widevine and PlayReady the DRM and the rights parameters the token API
 * received, which their licenses then carry. A client can neither forge nor alter one.
 */
public record SimulatedToken(
        String keyReference,
        Optional<String> cookie,
        Optional<String> deviceId,
        Instant expiresAt,
        long rentalDurationSeconds,
        String drm,
        Map<String, String> rights) {

    public static final String FAIRPLAY = "fairplay";

    public SimulatedToken {
        rights = Map.copyOf(rights);
    }

    /** A FairPlay token. */
    public SimulatedToken(
            String keyReference,
            Optional<String> cookie,
            Optional<String> deviceId,
            Instant expiresAt,
            long rentalDurationSeconds) {
        this(keyReference, cookie, deviceId, expiresAt, rentalDurationSeconds, FAIRPLAY, Map.of());
    }

    /** A token whose signature, shape or claims do not hold. */
    public static final class InvalidTokenException extends Exception {
        public InvalidTokenException(String message) {
            super(message);
        }
    }

    public String sign(byte[] secret) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .claim("kref", keyReference)
                .claim("rd", rentalDurationSeconds)
                .expirationTime(Date.from(expiresAt));
        cookie.ifPresent(c -> claims.claim("ck", c));
        if (!FAIRPLAY.equals(drm)) {
            claims.claim("drm", drm).claim("rights", new LinkedHashMap<String, Object>(rights));
        }
        deviceId.ifPresent(d -> claims.claim("did", d));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a simulator token", e);
        }
    }

    /** Checks the signature and reads the claims; expiry is the caller's to judge. */
    public static SimulatedToken verify(String token, byte[] secret) throws InvalidTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("token missing");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                throw new InvalidTokenException("token signature invalid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            String keyReference = claims.getStringClaim("kref");
            Long rental = claims.getLongClaim("rd");
            if (expiry == null || keyReference == null || rental == null) {
                throw new InvalidTokenException("token claims incomplete");
            }
            String drm = claims.getStringClaim("drm");
            Map<String, String> rights = new LinkedHashMap<>();
            Map<String, Object> claimed = claims.getJSONObjectClaim("rights");
            if (claimed != null) {
                claimed.forEach((name, value) -> rights.put(name, String.valueOf(value)));
            }
            return new SimulatedToken(
                    keyReference,
                    Optional.ofNullable(claims.getStringClaim("ck")),
                    Optional.ofNullable(claims.getStringClaim("did")),
                    expiry.toInstant(),
                    rental,
                    drm == null ? FAIRPLAY : drm,
                    rights);
        } catch (ParseException | JOSEException e) {
            throw new InvalidTokenException("token malformed");
        }
    }
}
