package dev.skiff.ssh.transport.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * AES-CTR with HMAC, against values computed independently with javax.crypto: encrypt-and-MAC
 * (RFC 4253 section 6.4: MAC over seq || plaintext packet, whole packet encrypted) and OpenSSH
 * encrypt-then-MAC (length clear, MAC over seq || length || ciphertext). The CTR stream continues
 * across packets.
 */
class CipherMacProtectionTest {

    private static byte[] hmac(MacAlgorithm m, byte[] key, int seq, byte[] data, int len) throws Exception {
        Mac mac = Mac.getInstance(m.jcaName());
        mac.init(new SecretKeySpec(key, m.jcaName()));
        mac.update(ByteBuffer.allocate(4).putInt(seq).array());
        mac.update(data, 0, len);
        return mac.doFinal();
    }

    @ParameterizedTest
    @EnumSource(MacAlgorithm.class)
    void matchesIndependentAesCtrAndHmac(MacAlgorithm m) throws Exception {
        Random rnd = new Random(m.ordinal());
        for (CipherAlgorithm c : new CipherAlgorithm[] {CipherAlgorithm.AES128_CTR, CipherAlgorithm.AES192_CTR,
            CipherAlgorithm.AES256_CTR}) {
            byte[] key = TestBytes.random(rnd, c.keyLength());
            byte[] iv = TestBytes.hex("00112233445566778899aabbfffffffe"); // counter carries into byte 11
            byte[] macKey = TestBytes.random(rnd, m.keyLength());
            PacketProtection tx = PacketProtections.create(c, m, key, iv, macKey, true);
            assertEquals(m.isEncryptThenMac(), tx.lengthExcludedFromAlignment());
            assertEquals(m.isEncryptThenMac() ? 4 : 16, tx.firstBlockLength());
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));

            for (int seq = 3; seq < 6; seq++) {
                byte[] plain = TestBytes.packet(tx, TestBytes.random(rnd, 50 * seq), rnd);
                int len = plain.length - m.macLength();
                byte[] wire = plain.clone();
                tx.seal(seq, wire, 0, len);
                byte[] tag = Arrays.copyOfRange(wire, len, wire.length);
                if (m.isEncryptThenMac()) {
                    assertArrayEquals(Arrays.copyOf(plain, 4), Arrays.copyOf(wire, 4), "length in the clear");
                    assertArrayEquals(ctr.update(plain, 4, len - 4), Arrays.copyOfRange(wire, 4, len));
                    assertArrayEquals(hmac(m, macKey, seq, wire, len), tag);
                } else {
                    assertArrayEquals(ctr.update(plain, 0, len), Arrays.copyOf(wire, len));
                    assertArrayEquals(hmac(m, macKey, seq, plain, len), tag);
                }
            }
        }
    }

    /** Classic mode: packetLength decrypts the first block in place; open checks the MAC over plaintext. */
    @ParameterizedTest
    @EnumSource(value = MacAlgorithm.class, names = {"HMAC_SHA2_256", "HMAC_SHA2_512", "HMAC_SHA1"})
    void classicPacketLengthDecryptsFirstBlockInPlace(MacAlgorithm m) throws Exception {
        Random rnd = new Random(42);
        byte[] key = TestBytes.random(rnd, 16);
        byte[] iv = TestBytes.random(rnd, 16);
        byte[] macKey = TestBytes.random(rnd, m.keyLength());
        PacketProtection tx = PacketProtections.create(CipherAlgorithm.AES128_CTR, m, key, iv, macKey, true);
        PacketProtection rx = PacketProtections.create(CipherAlgorithm.AES128_CTR, m, key, iv, macKey, false);
        byte[] plain = TestBytes.packet(tx, TestBytes.random(rnd, 60), rnd);
        byte[] wire = plain.clone();
        tx.seal(0, wire, 0, plain.length - m.macLength());
        assertEquals(TestBytes.lengthOf(plain), rx.packetLength(0, wire, 0));
        assertArrayEquals(Arrays.copyOf(plain, 16), Arrays.copyOf(wire, 16));
        assertFalse(Arrays.equals(plain, 16, plain.length, wire, 16, wire.length));
        rx.open(0, wire, 0, TestBytes.lengthOf(plain));
        assertTrue(Arrays.equals(plain, 0, plain.length - m.macLength(), wire, 0, plain.length - m.macLength()));
    }
}
