package dev.skiff.ssh.transport.crypto;

import static dev.skiff.ssh.transport.crypto.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

/**
 * The ChaCha20 primitive the production code relies on (the JDK's "ChaCha20" cipher, used the way
 * {@link ChaChaPolyProtection} uses it) against RFC 8439 known answers, and the equivalence of the
 * 64-bit-nonce ("DJB") variant OpenSSH uses with RFC 8439's for nonce {@code 0^4 || n}.
 */
class ChaCha20KnownAnswerTest {

    static byte[] jdkChaCha(byte[] key, byte[] nonce12, int counter, byte[] input) throws Exception {
        Cipher c = Cipher.getInstance("ChaCha20");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce12, counter));
        return c.update(input);
    }

    /** RFC 8439 section 2.4.2: the "sunscreen" text, counter 1. */
    @Test
    void rfc8439Section242() throws Exception {
        byte[] key = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] nonce = hex("000000000000004a00000000");
        byte[] plain = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future,"
                + " sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        byte[] expected = hex("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
                + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
                + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
                + "5af90bbf74a35be6b40b8eedf2785e42874d");
        assertArrayEquals(expected, jdkChaCha(key, nonce, 1, plain));
    }

    /** RFC 8439 Appendix A.1 test vectors #2 and #5 (keystream of one block). */
    @Test
    void rfc8439AppendixA1() throws Exception {
        assertArrayEquals(hex("9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed"
                        + "29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f"),
                jdkChaCha(new byte[32], new byte[12], 1, new byte[64]));
        assertArrayEquals(hex("c2c64d378cd536374ae204b9ef933fcd1a8b2288b3dfa49672ab765b54ee27c7"
                        + "8a970e0e955c14f3a88e741b97c286f75f8fc299e8148362fa198a39531bed6d"),
                jdkChaCha(new byte[32], hex("000000000000000000000002"), 0, new byte[64]));
    }

    /**
     * RFC 8439 section 2.6.2 and Appendix A.4 #2, #3: the Poly1305 key is the first 32 bytes of
     * block 0, exactly what ChaChaPolyProtection takes from its 64-byte zero-block update.
     */
    @Test
    void rfc8439PolyKeyGeneration() throws Exception {
        byte[] key = hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        assertArrayEquals(hex("8ad5a08b905f81cc815040274ab29471a833b637e3fd0da508dbb8e2fdd1a646"),
                Arrays.copyOf(jdkChaCha(key, hex("000000000001020304050607"), 0, new byte[64]), 32));
        byte[] key2 = new byte[32];
        key2[31] = 1;
        assertArrayEquals(hex("ecfa254f845f647473d3cb140da9e87606cb33066c447b87bc2666dde3fbb739"),
                Arrays.copyOf(jdkChaCha(key2, hex("000000000000000000000002"), 0, new byte[64]), 32));
        byte[] key3 = hex("1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0");
        assertArrayEquals(hex("965e3bc6f9ec7ed9560808f4d229f94b137ff275ca9b3fcbdd59deaad23310ae"),
                Arrays.copyOf(jdkChaCha(key3, hex("000000000000000000000002"), 0, new byte[64]), 32));
    }

    /** DJB ChaCha20 (BouncyCastle ChaChaEngine, 8-byte nonce) equals RFC 8439 with nonce 0^4 || n. */
    @Test
    void djbVariantEqualsIetfWithZeroPrefix() throws Exception {
        Random rnd = new Random(20);
        for (int i = 0; i < 20; i++) {
            byte[] key = TestBytes.random(rnd, 32);
            byte[] nonce8 = TestBytes.random(rnd, 8);
            byte[] input = TestBytes.random(rnd, 1 + rnd.nextInt(500));
            ChaChaEngine djb = new ChaChaEngine(20);
            djb.init(true, new ParametersWithIV(new KeyParameter(key), nonce8));
            byte[] expected = new byte[input.length];
            djb.processBytes(input, 0, input.length, expected, 0);
            byte[] nonce12 = new byte[12];
            System.arraycopy(nonce8, 0, nonce12, 4, 8);
            assertArrayEquals(expected, jdkChaCha(key, nonce12, 0, input));
        }
    }
}
