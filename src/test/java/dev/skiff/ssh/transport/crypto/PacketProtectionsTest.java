package dev.skiff.ssh.transport.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import org.junit.jupiter.api.Test;

/** Factory validation, the "none" protection, properties per algorithm, key wiping. */
class PacketProtectionsTest {
    private static final MacAlgorithm M = MacAlgorithm.HMAC_SHA2_256;

    @Test
    void noneIsTransparent() throws Exception {
        PacketProtection none = PacketProtections.none();
        assertEquals(8, none.blockSize());
        assertEquals(0, none.macLength());
        assertFalse(none.lengthExcludedFromAlignment());
        assertEquals(8, none.firstBlockLength());
        byte[] packet = {0, 0, 0, 12, 10, 21, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        byte[] copy = packet.clone();
        none.seal(0, copy, 0, copy.length);
        assertArrayEquals(packet, copy);
        assertEquals(12, none.packetLength(0, copy, 0));
        none.open(0, copy, 0, 12);
        assertArrayEquals(packet, copy);
        ProtocolException e = assertThrows(ProtocolException.class, () -> none.open(0, copy, 0, 13));
        assertEquals(DisconnectReason.PROTOCOL_ERROR, e.reason());
    }

    @Test
    void rejectsWrongKeyAndIvLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> PacketProtections.create(CipherAlgorithm.AES128_CTR, M, new byte[15], new byte[16], new byte[32], true));
        assertThrows(IllegalArgumentException.class,
                () -> PacketProtections.create(CipherAlgorithm.AES256_CTR, M, new byte[32], new byte[12], new byte[32], true));
        assertThrows(IllegalArgumentException.class,
                () -> PacketProtections.create(CipherAlgorithm.AES192_CTR, M, new byte[24], new byte[16], new byte[31], true));
        assertThrows(IllegalArgumentException.class,
                () -> PacketProtections.create(CipherAlgorithm.AES128_CTR, null, new byte[16], new byte[16], null, true));
        assertThrows(IllegalArgumentException.class,
                () -> PacketProtections.create(CipherAlgorithm.AES128_GCM, null, new byte[32], new byte[12], null, true));
        assertThrows(IllegalArgumentException.class,
                () -> PacketProtections.create(CipherAlgorithm.AES256_GCM, null, new byte[32], new byte[16], null, true));
        assertThrows(IllegalArgumentException.class,
                () -> PacketProtections.create(CipherAlgorithm.CHACHA20_POLY1305, null, new byte[32], null, null, true));
        assertThrows(IllegalArgumentException.class,
                () -> PacketProtections.create(CipherAlgorithm.CHACHA20_POLY1305, null, new byte[64], new byte[8], null, true));
        assertThrows(IllegalArgumentException.class,
                () -> PacketProtections.create(CipherAlgorithm.AES128_CTR, M, null, new byte[16], new byte[32], true));
    }

    @Test
    void aeadPropertiesAndIgnoredMac() {
        PacketProtection gcm = PacketProtections.create(CipherAlgorithm.AES256_GCM, MacAlgorithm.HMAC_SHA1, new byte[32],
                new byte[12], null, true);
        assertEquals(16, gcm.blockSize());
        assertEquals(16, gcm.macLength());
        assertTrue(gcm.lengthExcludedFromAlignment());
        assertEquals(4, gcm.firstBlockLength());
        PacketProtection chacha = PacketProtections.create(CipherAlgorithm.CHACHA20_POLY1305, M, new byte[64],
                new byte[0], new byte[3], false);
        assertEquals(8, chacha.blockSize());
        assertEquals(16, chacha.macLength());
        assertTrue(chacha.lengthExcludedFromAlignment());
        assertEquals(4, chacha.firstBlockLength());
    }

    @Test
    void sessionKeyIsWipedAndNeverPrinted() {
        byte[] raw = {1, 2, 3, 4};
        SessionKey key = new SessionKey("AES", raw, 0, 4);
        assertArrayEquals(raw, key.getEncoded());
        assertFalse(key.toString().contains("1, 2"));
        key.destroy();
        assertTrue(key.isDestroyed());
        assertThrows(IllegalStateException.class, key::getEncoded);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, raw, "the caller's array is the caller's to wipe");
    }
}
