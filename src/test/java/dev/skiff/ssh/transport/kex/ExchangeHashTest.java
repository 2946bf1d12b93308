package dev.skiff.ssh.transport.kex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.ssh.wire.WireWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the exchange hash (RFC 4253 section 8, RFC 4419 section 3, RFC 5656 section 4,
 * hybrid K as string) and key derivation (RFC 4253 section 7.2). The expected values were computed
 * independently with Python's hashlib over the same inputs, encoded by hand (struct.pack).
 */
class ExchangeHashTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] range(int from, int to) {
        byte[] b = new byte[to - from];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        WireWriter w = new WireWriter();
        for (byte[] p : parts) {
            w.raw(p);
        }
        return w.toByteArray();
    }

    private static final String V_C = "SSH-2.0-Skiff_test";
    private static final String V_S = "SSH-2.0-OpenSSH_9.2p1";
    private static final byte[] I_C = concat(new byte[] {20}, range(0, 16), "client-kexinit".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] I_S = concat(new byte[] {20}, range(16, 32), "server-kexinit".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] K_S = new WireWriter().utf8("ssh-ed25519").string(range(0, 32)).toByteArray();
    private static final byte[] Q_C = range(100, 132);
    private static final byte[] Q_S = range(200, 232);
    /** mpint K whose top bit is set: encoded with a leading zero byte. */
    private static final byte[] K = new WireWriter().mpintUnsigned(concat(new byte[] {(byte) 0x80}, range(1, 32))).toByteArray();

    @Test
    void ecdhStyleHash() {
        byte[] h = ExchangeHash.compute("SHA-256", new ExchangeHash.Inputs(V_C, V_S, I_C, I_S, K_S, null, Q_C, Q_S, K));
        assertEquals("44d918ecce38401f4e33a05365f2cb07f4046d59f067a9a7e68af42fda0073fb", HEX.formatHex(h));
    }

    @Test
    void groupExchangeHash() {
        BigInteger p = BigInteger.ONE.shiftLeft(2047).add(BigInteger.valueOf(1235));
        byte[] e = concat(new byte[] {0x7f}, range(1, 20));
        byte[] f = concat(new byte[] {0x00, (byte) 0x80}, range(2, 20));
        byte[] h = ExchangeHash.compute("SHA-256", new ExchangeHash.Inputs(V_C, V_S, I_C, I_S, K_S,
                new ExchangeHash.GexParams(2048, 3072, 8192, p, BigInteger.TWO), e, f, K));
        assertEquals("f61f1b1fddd21f3d3463d84aa0b30a72243efc9373e7c6b7f50afb9d0237cdfc", HEX.formatHex(h));
    }

    @Test
    void hybridHashWithStringSecret() throws Exception {
        byte[] secret = MessageDigest.getInstance("SHA-512").digest("kemx25519".getBytes(StandardCharsets.US_ASCII));
        byte[] k = new WireWriter().string(secret).toByteArray();
        byte[] h = ExchangeHash.compute("SHA-512", new ExchangeHash.Inputs(V_C, V_S, I_C, I_S, K_S, null, Q_C, Q_S, k));
        assertEquals("8f2fa7150500f157e0c7bbc94afb38a791a730adbf5a40ffa1da9c5fe6ea6f8e"
                + "5ed0d42a1e243e504efc84bd0bc54b4cb41ed45bb9edd0b4ac2b019d4e2b85b4", HEX.formatHex(h));
    }

    @Test
    void keyDerivationExtendsBeyondOneDigest() {
        byte[] h = HEX.parseHex("44d918ecce38401f4e33a05365f2cb07f4046d59f067a9a7e68af42fda0073fb");
        assertEquals("7b334bb77a7317860e8bb5e61555c60c2e91847d5032d56bca5eddcda7495f03"
                + "0b119a1b0c06bf1e0f842a980f4bb67855d6885b5f69aa38546587cf1d337cec",
                HEX.formatHex(ExchangeHash.deriveKey("SHA-256", K, h, 'C', h, 64)));
        assertEquals("a9c5b74305e2f2468c2a4fea", HEX.formatHex(ExchangeHash.deriveKey("SHA-256", K, h, 'A', h, 12)));
    }
}
