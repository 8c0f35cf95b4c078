package dev.simulator.expressplay;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * ExpressPlay's license redemption: the player POSTs its SPC to the token URL. The simulator
 * verifies the token, decrypts the SPC, logs (cookie, device id) in the transaction history and
 * answers a CKC, or refuses an expired token or a device other than the token's.
 *
 * <p>The CKC is an HMAC-signed JWS whose claims name the asset, the device and the key
 * reference, so that a test can tell a real license from a denial and see whose it is.
 */
@Path("/expressplay/hms/fp/rights")
@RequestScoped
@InjectsFaults(SimulatedEndpoint.RIGHTS)
public class SimulatedRightsApi {

    /** An SPC is a few hundred bytes; anything far larger is not one. */
    static final int MAX_SPC_BYTES = 16 * 1024;

    @Inject
    SimulatorKeys keys;

    @Inject
    TransactionHistory history;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response redeem(@QueryParam("ExpressPlayToken") String tokenText, InputStream body) {
        SimulatedToken token;
        try {
            token = SimulatedToken.verify(tokenText, keys.tokenSecret());
        } catch (SimulatedToken.InvalidTokenException e) {
            return SimulatorErrors.refuse(ErrorCodes.INVALID_TOKEN, e.getMessage(), true);
        }
        if (!SimulatedToken.FAIRPLAY.equals(token.drm())) {
            return SimulatorErrors.refuse(ErrorCodes.INVALID_TOKEN, "not a FairPlay token", true);
        }
        Instant now = Instant.now();
        if (!now.isBefore(token.expiresAt())) {
            return SimulatorErrors.refuse(ErrorCodes.INVALID_TOKEN, "token expired", true);
        }
        SimulatedSpc.Contents spc;
        try {
            spc = SimulatedSpc.parse(
                    keys.keyServer().getPublic(), keys.keyServer().getPrivate(), readSpc(body));
        } catch (SimulatedSpc.InvalidSpcException e) {
            return SimulatorErrors.refuse(ErrorCodes.CKC_FAILED, "invalid SPC: " + e.getMessage(), true);
        }
        if (token.deviceId().isPresent() && !token.deviceId().get().equalsIgnoreCase(spc.deviceId())) {
            return SimulatorErrors.refuse(ErrorCodes.CKC_FAILED, "the token is bound to another device", true);
        }
        history.log(token.cookie().orElse(null), spc.deviceId(), spc.assetId());
        return Response.ok(ckc(token, spc, now), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .build();
    }

    private byte[] ckc(SimulatedToken token, SimulatedSpc.Contents spc, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("assetId", spc.assetId())
                .claim("deviceId", spc.deviceId())
                .claim("keyRef", token.keyReference())
                .claim("transactionId", spc.transactionId())
                .claim("rentalDuration", token.rentalDurationSeconds())
                .issueTime(Date.from(now))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(keys.tokenSecret()));
            return jwt.serialize().getBytes(StandardCharsets.US_ASCII);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a CKC", e);
        }
    }

    private static byte[] readSpc(InputStream body) throws SimulatedSpc.InvalidSpcException {
        if (body == null) {
            throw new SimulatedSpc.InvalidSpcException("no SPC");
        }
        try {
            byte[] bytes = body.readNBytes(MAX_SPC_BYTES + 1);
            if (bytes.length > MAX_SPC_BYTES) {
                throw new SimulatedSpc.InvalidSpcException("SPC too large");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
