package dev.simulator.expressplay;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;

/**
 * The license step of Widevine and PlayReady: verify the token and the player's challenge, refuse
 * a device other than the token's (a PlayReady device-bound token; -4001 "Device could not be
 * authenticated", assumed: the pages name no code for it), log (cookie, device) in the
 * transaction history, and answer a license: an HMAC-signed JWS naming the DRM, the device, the
 * asset, the key and the rights the token API received, so that a test can see them exactly.
 */
@ApplicationScoped
class SimulatedLicenses {

    static final int MAX_CHALLENGE_BYTES = 16 * 1024;

    @Inject
    SimulatorKeys keys;

    @Inject
    TransactionHistory history;

    Response license(String drm, String historyType, int failedCode, String tokenText, InputStream body) {
        SimulatedToken token;
        try {
            token = SimulatedToken.verify(tokenText, keys.tokenSecret());
        } catch (SimulatedToken.InvalidTokenException e) {
            return SimulatorErrors.refuse(ErrorCodes.INVALID_TOKEN, e.getMessage(), true);
        }
        if (!drm.equals(token.drm())) {
            return SimulatorErrors.refuse(ErrorCodes.INVALID_TOKEN, "not a " + drm + " token", true);
        }
        Instant now = Instant.now();
        if (!now.isBefore(token.expiresAt())) {
            return SimulatorErrors.refuse(ErrorCodes.INVALID_TOKEN, "token expired", true);
        }
        SimulatedChallenge challenge;
        try {
            challenge = SimulatedChallenge.verify(read(body), keys.tokenSecret());
        } catch (SimulatedChallenge.InvalidChallengeException e) {
            return SimulatorErrors.refuse(failedCode, "invalid license challenge: " + e.getMessage(), true);
        }
        if (!drm.equals(challenge.drm())) {
            return SimulatorErrors.refuse(failedCode, "not a " + drm + " license challenge", true);
        }
        if (token.deviceId().isPresent() && !token.deviceId().get().equalsIgnoreCase(challenge.deviceId())) {
            return SimulatorErrors.refuse(
                    ErrorCodes.DEVICE_NOT_AUTHENTICATED, "the token is bound to another device", true);
        }
        history.log(token.cookie().orElse(null), challenge.deviceId(), challenge.assetId(), historyType);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("drm", drm)
                .claim("assetId", challenge.assetId())
                .claim("deviceId", challenge.deviceId())
                .claim("keyRef", token.keyReference())
                .claim("deviceBound", token.deviceId().isPresent())
                .claim("rights", new LinkedHashMap<String, Object>(token.rights()))
                .issueTime(Date.from(now))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(keys.tokenSecret()));
            return Response.ok(
                            jwt.serialize().getBytes(StandardCharsets.US_ASCII),
                            MediaType.APPLICATION_OCTET_STREAM_TYPE)
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a license", e);
        }
    }

    private static byte[] read(InputStream body) throws SimulatedChallenge.InvalidChallengeException {
        if (body == null) {
            throw new SimulatedChallenge.InvalidChallengeException("no challenge");
        }
        try {
            byte[] bytes = body.readNBytes(MAX_CHALLENGE_BYTES + 1);
            if (bytes.length > MAX_CHALLENGE_BYTES) {
                throw new SimulatedChallenge.InvalidChallengeException("challenge too large");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
