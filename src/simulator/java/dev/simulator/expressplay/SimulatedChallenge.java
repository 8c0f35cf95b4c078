package dev.simulator.expressplay;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.UUID;

/**
 * A simulated Widevine or PlayReady license challenge: what a player's DRM client sends to the
 * license endpoint, naming its device and the asset. Real challenges are signed by the device's
 * DRM keys; these are signed by the simulator (its device lab stands for the device), so that no
 * one else can make one for a device it is not. Unlike the FairPlay SPC it is not encrypted:
 * Tether never sees a challenge anyway.
 */
record SimulatedChallenge(String drm, String deviceId, String assetId) {

    static final class InvalidChallengeException extends Exception {
        InvalidChallengeException(String message) {
            super(message);
        }
    }

    byte[] sign(byte[] secret) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "challenge")
                .claim("drm", drm)
                .claim("device", deviceId)
                .claim("asset", assetId)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize().getBytes(StandardCharsets.US_ASCII);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a challenge", e);
        }
    }

    static SimulatedChallenge verify(byte[] body, byte[] secret) throws InvalidChallengeException {
        if (body == null || body.length == 0) {
            throw new InvalidChallengeException("no challenge");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(new String(body, StandardCharsets.US_ASCII).strip());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                throw new InvalidChallengeException("challenge signature invalid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!"challenge".equals(claims.getStringClaim("typ"))
                    || claims.getStringClaim("drm") == null
                    || claims.getStringClaim("device") == null
                    || claims.getStringClaim("asset") == null) {
                throw new InvalidChallengeException("not a license challenge");
            }
            return new SimulatedChallenge(
                    claims.getStringClaim("drm"), claims.getStringClaim("device"), claims.getStringClaim("asset"));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new InvalidChallengeException("challenge malformed");
        }
    }
}
