package dev.simulator.expressplay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedSpcTest {

    private static final String DEVICE = "0123456789abcdef0123456789abcdef01234567";
    private static KeyPair keyServer;
    private static KeyPair otherKeyServer;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        keyServer = rsa.generateKeyPair();
        otherKeyServer = rsa.generateKeyPair();
    }

    @Test
    void theKeyServerReadsTheDeviceAndAssetBack() throws Exception {
        byte[] spc = SimulatedSpc.build(keyServer.getPublic(), DEVICE, "demo-movie");

        SimulatedSpc.Contents contents = SimulatedSpc.parse(keyServer.getPublic(), keyServer.getPrivate(), spc);

        assertEquals(DEVICE, contents.deviceId());
        assertEquals("demo-movie", contents.assetId());
        assertEquals(16, contents.transactionId().length());
    }

    @Test
    void theContainerHasTheFairPlayLayout() {
        byte[] spc = SimulatedSpc.build(keyServer.getPublic(), DEVICE, "a");
        ByteBuffer in = ByteBuffer.wrap(spc);

        assertEquals(1, in.getInt(0), "version");
        assertArrayEquals(
                SimulatedSpc.certificateHash(keyServer.getPublic()),
                java.util.Arrays.copyOfRange(spc, 152, 172),
                "certificate hash after the wrapped key");
        assertEquals(spc.length - 176, in.getInt(172), "payload length");
        assertEquals(0, (spc.length - 176) % 16, "AES-CBC payload");
    }

    @Test
    void theDeviceIdIsNotReadableWithoutTheKey() {
        byte[] spc = SimulatedSpc.build(keyServer.getPublic(), DEVICE, "demo-movie");

        assertEquals(-1, new String(spc, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("demo-movie"));
    }

    @Test
    void anSpcForAnotherKeyServerIsRefused() {
        byte[] spc = SimulatedSpc.build(otherKeyServer.getPublic(), DEVICE, "demo-movie");

        assertThrows(
                SimulatedSpc.InvalidSpcException.class,
                () -> SimulatedSpc.parse(keyServer.getPublic(), keyServer.getPrivate(), spc));
    }

    @Test
    void aTamperedWrappedKeyIsRefused() {
        byte[] spc = SimulatedSpc.build(keyServer.getPublic(), DEVICE, "demo-movie");
        spc[40] ^= 0x01;

        assertThrows(
                SimulatedSpc.InvalidSpcException.class,
                () -> SimulatedSpc.parse(keyServer.getPublic(), keyServer.getPrivate(), spc));
    }

    @Test
    void truncatedOrEmptyInputIsRefused() {
        byte[] spc = SimulatedSpc.build(keyServer.getPublic(), DEVICE, "demo-movie");

        assertThrows(
                SimulatedSpc.InvalidSpcException.class,
                () -> SimulatedSpc.parse(
                        keyServer.getPublic(), keyServer.getPrivate(), java.util.Arrays.copyOf(spc, spc.length - 16)));
        assertThrows(
                SimulatedSpc.InvalidSpcException.class,
                () -> SimulatedSpc.parse(keyServer.getPublic(), keyServer.getPrivate(), new byte[0]));
    }

    @Test
    void twoSpcsOfOneDeviceDiffer() {
        assertNotEquals(
                ByteBuffer.wrap(SimulatedSpc.build(keyServer.getPublic(), DEVICE, "a")),
                ByteBuffer.wrap(SimulatedSpc.build(keyServer.getPublic(), DEVICE, "a")));
    }

    @Test
    void tllvBlocksArePaddedAndReadBack() throws Exception {
        Map<Long, byte[]> blocks = new LinkedHashMap<>();
        blocks.put(1L, new byte[] {1, 2, 3});
        blocks.put(2L, new byte[16]);

        byte[] payload = SimulatedSpc.tllv(blocks);
        Map<Long, byte[]> read = SimulatedSpc.readTllv(payload);

        assertEquals(16 + 16 + 16 + 16, payload.length);
        assertArrayEquals(new byte[] {1, 2, 3}, read.get(1L));
        assertArrayEquals(new byte[16], read.get(2L));
    }

    @Test
    void aBlockLongerThanThePayloadIsRefused() {
        ByteBuffer payload = ByteBuffer.allocate(32).putLong(1L).putInt(64).putInt(3);

        assertThrows(SimulatedSpc.InvalidSpcException.class, () -> SimulatedSpc.readTllv(payload.array()));
    }
}
