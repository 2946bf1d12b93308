package dev.skiff.ssh.transport.crypto;

import static dev.skiff.ssh.transport.crypto.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers from RFC 8439 (section 2.5.2 and Appendix A.3), and a cross-check with BouncyCastle. */
class Poly1305Test {
    private static final String IETF_TEXT = "Any submission to the IETF intended by the Contributor for publication as"
            + " all or part of an IETF Internet-Draft or RFC and any statement made within the context of an IETF"
            + " activity is considered an \"IETF Contribution\". Such statements include oral statements in IETF"
            + " sessions, as well as written and electronic communications made at any time or place, which are"
            + " addressed to";
    private static final String JABBERWOCKY = "'Twas brillig, and the slithy toves\nDid gyre and gimble in the wabe:\n"
            + "All mimsy were the borogoves,\nAnd the mome raths outgrabe.";

    private static byte[] tag(byte[] key, byte[] msg) {
        byte[] out = new byte[16];
        new Poly1305().mac(key, 0, msg, 0, msg.length, out, 0);
        return out;
    }

    /** RFC 8439 section 2.5.2. */
    @Test
    void rfc8439Section252() {
        byte[] key = hex("85:d6:be:78:57:55:6d:33:7f:44:52:fe:42:d5:06:a8:01:03:80:8a:fb:0d:b2:fd:4a:bf:f6:af:41:49:f5:1b");
        byte[] msg = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(hex("a8:06:1d:c1:30:51:36:c6:c2:2b:8b:af:0c:01:27:a9"), tag(key, msg));
    }

    /** RFC 8439 Appendix A.3, test vectors #1 to #4. */
    @Test
    void rfc8439AppendixA3TextVectors() {
        assertArrayEquals(new byte[16], tag(new byte[32], new byte[64]));
        byte[] ietf = IETF_TEXT.getBytes(StandardCharsets.US_ASCII);
        assertEquals(375, ietf.length);
        assertArrayEquals(hex("36e5f6b5c5e06070f0efca96227a863e"),
                tag(hex("00000000000000000000000000000000 36e5f6b5c5e06070f0efca96227a863e"), ietf));
        assertArrayEquals(hex("f3477e7cd95417af89a6b8794c310cf0"),
                tag(hex("36e5f6b5c5e06070f0efca96227a863e 00000000000000000000000000000000"), ietf));
        assertArrayEquals(hex("4541669a7eaaee61e708dc7cbcc5eb62"),
                tag(hex("1c9240a5eb55d38af333888604f6b5f0 473917c1402b80099dca5cbc207075c0"),
                        JABBERWOCKY.getBytes(StandardCharsets.US_ASCII)));
    }

    /** RFC 8439 Appendix A.3, test vectors #5 to #11 (reduction and carry edge cases): r, s, data, tag. */
    @ParameterizedTest(name = "A.3 #{0}")
    @CsvSource({
        "5, 02000000000000000000000000000000, 00000000000000000000000000000000, FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF, 03000000000000000000000000000000",
        "6, 02000000000000000000000000000000, FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF, 02000000000000000000000000000000, 03000000000000000000000000000000",
        "7, 01000000000000000000000000000000, 00000000000000000000000000000000, FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF11000000000000000000000000000000, 05000000000000000000000000000000",
        "8, 01000000000000000000000000000000, 00000000000000000000000000000000, FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFBFEFEFEFEFEFEFEFEFEFEFEFEFEFEFE01010101010101010101010101010101, 00000000000000000000000000000000",
        "9, 02000000000000000000000000000000, 00000000000000000000000000000000, FDFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF, FAFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
        "10, 01000000000000000400000000000000, 00000000000000000000000000000000, E33594D7505E43B900000000000000003394D7505E4379CD01000000000000000000000000000000000000000000000001000000000000000000000000000000, 14000000000000005500000000000000",
        "11, 01000000000000000400000000000000, 00000000000000000000000000000000, E33594D7505E43B900000000000000003394D7505E4379CD010000000000000000000000000000000000000000000000, 13000000000000000000000000000000",
    })
    void rfc8439AppendixA3EdgeCases(int number, String r, String s, String data, String expected) {
        assertArrayEquals(hex(expected), tag(hex(r + s), hex(data)));
    }

    /** Random keys and lengths 0..300, fed in random pieces, agree with BouncyCastle's Poly1305. */
    @Test
    void agreesWithBouncyCastleOnRandomInput() {
        Random rnd = new Random(1305);
        Poly1305 ours = new Poly1305();
        org.bouncycastle.crypto.macs.Poly1305 bc = new org.bouncycastle.crypto.macs.Poly1305();
        for (int len = 0; len <= 300; len++) {
            for (int trial = 0; trial < 8; trial++) {
                byte[] key = TestBytes.random(rnd, 32);
                if (trial == 0) {
                    java.util.Arrays.fill(key, 0, 16, (byte) 0xFF); // largest r after clamping
                }
                byte[] msg = TestBytes.random(rnd, len);
                if (trial == 1) {
                    java.util.Arrays.fill(msg, (byte) 0xFF);
                }
                bc.init(new KeyParameter(key));
                bc.update(msg, 0, len);
                byte[] expected = new byte[16];
                bc.doFinal(expected, 0);

                ours.init(key, 0);
                int pos = 0;
                while (pos < len) {
                    int piece = Math.min(len - pos, rnd.nextInt(40));
                    ours.update(msg, pos, piece);
                    pos += piece;
                }
                byte[] actual = new byte[16];
                ours.doFinal(actual, 0);
                assertArrayEquals(expected, actual, "len " + len + " trial " + trial);
            }
        }
    }
}
