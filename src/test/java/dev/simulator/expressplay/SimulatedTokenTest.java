package dev.simulator.expressplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedTokenTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] OTHER_SECRET = "fedcba9876543210fedcba9876543210".getBytes();

    private final SimulatedToken token = new SimulatedToken(
            "847d47ea9577688d",
            Optional.of("cookie-1234567890"),
            Optional.of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS),
            3600);

    @Test
    void aSignedTokenVerifiesWithItsClaims() throws Exception {
        SimulatedToken read = SimulatedToken.verify(token.sign(SECRET), SECRET);

        assertEquals(token, read);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String signed = token.sign(OTHER_SECRET);

        assertThrows(SimulatedToken.InvalidTokenException.class, () -> SimulatedToken.verify(signed, SECRET));
    }

    @Test
    void anAlteredClaimIsRefused() {
        String[] parts = token.sign(SECRET).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String altered = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("aaaaaaaaaa", "bbbbbbbbbb").getBytes());

        assertThrows(
                SimulatedToken.InvalidTokenException.class,
                () -> SimulatedToken.verify(parts[0] + "." + altered + "." + parts[2], SECRET));
    }

    @Test
    void garbageIsRefused() {
        assertThrows(SimulatedToken.InvalidTokenException.class, () -> SimulatedToken.verify("not-a-token", SECRET));
        assertThrows(SimulatedToken.InvalidTokenException.class, () -> SimulatedToken.verify(null, SECRET));
    }
}
