package dev.skiff.ssh.transport.crypto;

import static dev.skiff.ssh.transport.crypto.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** aes*-gcm@openssh.com: the primitive (GCM spec vectors), the packet layout and the nonce counter. */
class AesGcmProtectionTest {

    private static byte[] gcm(int mode, byte[] key, byte[] iv, byte[] aad, byte[] input) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(aad);
        return c.doFinal(input);
    }

    /**
     * Test cases 1, 2 and 3 of McGrew and Viega, "The Galois/Counter Mode of Operation (GCM)"
     * (the vectors NIST's GCM validation uses), for the JCA primitive the protection relies on.
     */
    @Test
    void gcmSpecVectors() throws Exception {
        byte[] zeroKey = new byte[16];
        byte[] zeroIv = new byte[12];
        assertArrayEquals(hex("58e2fccefa7e3061367f1d57a4e7455a"), gcm(Cipher.ENCRYPT_MODE, zeroKey, zeroIv, new byte[0], new byte[0]));
        assertArrayEquals(hex("0388dace60b6a392f328c2b971b2fe78 ab6e47d42cec13bdf53a67b21257bddf"),
                gcm(Cipher.ENCRYPT_MODE, zeroKey, zeroIv, new byte[0], new byte[16]));
        byte[] key = hex("feffe9928665731c6d6a8f9467308308");
        byte[] iv = hex("cafebabefacedbaddecaf888");
        byte[] plain = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
        assertArrayEquals(hex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985"
                + "4d5c2af327cd64a62cf35abd2ba6fab4"), gcm(Cipher.ENCRYPT_MODE, key, iv, new byte[0], plain));
    }

    /**
     * Length in the clear and authenticated as AAD; body and tag as a separately initialised JCA
     * cipher computes them with IV, then IV + 1 (a carry into the upper counter bytes), ...
     */
    @ParameterizedTest
    @EnumSource(value = CipherAlgorithm.class, names = {"AES128_GCM", "AES256_GCM"})
    void layoutAndInvocationCounter(CipherAlgorithm alg) throws Exception {
        Random rnd = new Random(5647);
        byte[] key = TestBytes.random(rnd, alg.keyLength());
        byte[] iv = hex("0a0b0c0d 00000000fffffffe");
        PacketProtection sender = PacketProtections.create(alg, MacAlgorithm.HMAC_SHA2_256, key, iv, new byte[32], true);
        String[] expectedIvs = {"0a0b0c0d00000000fffffffe", "0a0b0c0d00000000ffffffff", "0a0b0c0d0000000100000000",
            "0a0b0c0d0000000100000001"};
        for (int i = 0; i < expectedIvs.length; i++) {
            byte[] plain = TestBytes.packet(sender, TestBytes.random(rnd, 20 + 37 * i), rnd);
            int len = plain.length - 16;
            byte[] buf = plain.clone();
            sender.seal(100 + i, buf, 0, len);
            assertArrayEquals(Arrays.copyOf(plain, 4), Arrays.copyOf(buf, 4), "length in the clear");
            byte[] opened = gcm(Cipher.DECRYPT_MODE, key, hex(expectedIvs[i]), Arrays.copyOf(buf, 4),
                    Arrays.copyOfRange(buf, 4, buf.length));
            assertArrayEquals(Arrays.copyOfRange(plain, 4, len), opened, "packet " + i);
        }
    }

    /** The 64-bit counter wraps to zero without touching the 4-byte fixed field. */
    @Test
    void counterWrapsWithinEightBytes() throws Exception {
        byte[] key = new byte[16];
        byte[] iv = hex("01020304 ffffffffffffffff");
        PacketProtection sender = PacketProtections.create(CipherAlgorithm.AES128_GCM, null, key, iv, null, true);
        Random rnd = new Random(1);
        byte[] first = TestBytes.packet(sender, new byte[10], rnd);
        sender.seal(0, first, 0, first.length - 16);
        byte[] plain = TestBytes.packet(sender, new byte[10], rnd);
        byte[] buf = plain.clone();
        sender.seal(1, buf, 0, buf.length - 16);
        byte[] opened = gcm(Cipher.DECRYPT_MODE, key, hex("01020304 0000000000000000"), Arrays.copyOf(buf, 4),
                Arrays.copyOfRange(buf, 4, buf.length));
        assertEquals(plain.length - 20, opened.length);
    }
}
