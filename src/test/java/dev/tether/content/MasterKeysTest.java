package dev.tether.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterKeysTest {

    private static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = "k2:"
            + Base64.getEncoder()
                    .encodeToString(HexFormat.of()
                            .parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    private static final ContentId MOVIE = new ContentId("movie");
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    @Test
    void wrapsUnderTheActiveKeyAndOpensAgain() {
        MasterKeys keys = MasterKeys.parse(K1 + ";" + K2, "k2");
        WrappedKey wrapped = keys.wrap(KEY, MOVIE);
        assertEquals("k2", wrapped.masterKeyId());
        assertFalse(wrapped.sealed().contains("00112233"), "not in clear");
        assertArrayEquals(KEY, keys.unwrap(wrapped, MOVIE));
    }

    @Test
    void aWrapUnderAnOldKeyStillOpensAfterRotationAndCanBeRewrapped() {
        WrappedKey old = MasterKeys.parse(K1, "k1").wrap(KEY, MOVIE);
        MasterKeys rotated = MasterKeys.parse(K1 + ";" + K2, "k2");

        assertTrue(rotated.isStale(old));
        byte[] opened = rotated.unwrap(old, MOVIE);
        WrappedKey rewrapped = rotated.wrap(opened, MOVIE);

        assertEquals("k2", rewrapped.masterKeyId());
        assertFalse(rotated.isStale(rewrapped));
        assertArrayEquals(KEY, MasterKeys.parse(K2, "k2").unwrap(rewrapped, MOVIE), "k1 is no longer needed");
    }

    @Test
    void aWrapUnderAKeyNoLongerConfiguredIsRefusedByName() {
        WrappedKey old = MasterKeys.parse(K1, "k1").wrap(KEY, MOVIE);
        KeyUnwrapException e = assertThrows(
                KeyUnwrapException.class, () -> MasterKeys.parse(K2, "k2").unwrap(old, MOVIE));
        assertTrue(e.getMessage().contains("k1"));
    }

    @Test
    void aTamperedWrapFailsItsIntegrityCheck() {
        MasterKeys keys = MasterKeys.parse(K1, "k1");
        WrappedKey wrapped = keys.wrap(KEY, MOVIE);
        byte[] bytes = Base64.getDecoder().decode(wrapped.sealed());
        bytes[bytes.length - 20] ^= 1;
        WrappedKey tampered = new WrappedKey("k1", Base64.getEncoder().encodeToString(bytes));

        assertThrows(KeyUnwrapException.class, () -> keys.unwrap(tampered, MOVIE));
    }

    @Test
    void aWrapCopiedToAnotherTitleDoesNotOpen() {
        MasterKeys keys = MasterKeys.parse(K1, "k1");
        WrappedKey wrapped = keys.wrap(KEY, MOVIE);

        assertThrows(KeyUnwrapException.class, () -> keys.unwrap(wrapped, new ContentId("other")));
    }

    @Test
    void aWrapUnderTheSameIdButAnotherKeyDoesNotOpen() {
        WrappedKey wrapped = MasterKeys.parse(K1, "k1").wrap(KEY, MOVIE);
        MasterKeys impostor = MasterKeys.parse("k1:" + K2.substring(3), "k1");

        assertThrows(KeyUnwrapException.class, () -> impostor.unwrap(wrapped, MOVIE));
    }

    @Test
    void twoWrapsOfOneKeyDiffer() {
        MasterKeys keys = MasterKeys.parse(K1, "k1");
        assertNotEquals(keys.wrap(KEY, MOVIE).sealed(), keys.wrap(KEY, MOVIE).sealed(), "a fresh nonce each time");
    }

    @Test
    void badConfigurationIsRefusedWithoutEchoingKeys() {
        assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse(K1, "k2"), "active key not listed");
        assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse(K1 + ";" + K1, "k1"), "id twice");
        assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse("k1:AAAA", "k1"), "3 bytes");
        IllegalArgumentException notBase64 =
                assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse("k1:secret-material!", "k1"));
        assertFalse(notBase64.getMessage().contains("secret-material"));
        assertFalse(MasterKeys.parse(K1, "k1").toString().contains(K1.substring(3)));
    }

    @Test
    void theIdsOfAListAreReadWithoutAnActiveKey() {
        assertEquals(List.of("k1", "k2"), List.copyOf(MasterKeys.idsOf(K1 + ";" + K2)));
        assertThrows(IllegalArgumentException.class, () -> MasterKeys.idsOf(K1 + ";" + K1), "id twice");
    }

    @Test
    void aKeyIsFoundUnderWhateverIdItIsListed() {
        MasterKeys keys = MasterKeys.parse(K1 + ";" + K2, "k1");
        assertTrue(keys.holds(Base64.getDecoder().decode(K2.substring(3))));
        assertFalse(keys.holds(KEY));
    }
}
