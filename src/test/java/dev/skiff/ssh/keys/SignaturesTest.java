package dev.skiff.ssh.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sign/verify round trips for every {@link SignatureAlgorithm}, independent JCA checks and rejections. */
class SignaturesTest {
    private static final byte[] DATA = "exchange hash H".getBytes(StandardCharsets.UTF_8);
    private static final Map<SignatureAlgorithm, SshKeyPair> KEYS = new EnumMap<>(SignatureAlgorithm.class);

    @BeforeAll
    static void keys() {
        SshKeyPair rsa = SshKeyGenerator.generate("ssh-rsa", 2048);
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
            KEYS.put(alg, alg.keyType().equals("ssh-rsa") ? rsa : SshKeyGenerator.generate(alg.keyType(), 0));
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void roundTripAndTampering(SignatureAlgorithm alg) throws Exception {
        SshKeyPair pair = KEYS.get(alg);
        byte[] blob = alg.sign(pair.privateKey(), DATA);
        WireReader r = new WireReader(blob);
        assertEquals(alg.wireName(), r.ascii());
        byte[] raw = r.string();
        r.expectEnd();
        assertTrue(alg.verify(pair.publicKey(), DATA, blob));
        assertFalse(alg.verify(pair.publicKey(), "other data".getBytes(StandardCharsets.UTF_8), blob));
        byte[] flipped = blob.clone();
        flipped[flipped.length - 1] ^= 0x01;
        assertFalse(alg.verify(pair.publicKey(), DATA, flipped));
        // a different key of the same type does not verify
        SshKeyPair other = SshKeyGenerator.generate(alg.keyType(), alg.keyType().equals("ssh-rsa") ? 1024 : 0);
        assertFalse(alg.verify(other.publicKey(), DATA, blob));
        // independent check with plain JCA
        assertTrue(jcaVerify(alg, pair, raw));
    }

    private static boolean jcaVerify(SignatureAlgorithm alg, SshKeyPair pair, byte[] raw) throws Exception {
        String jca;
        byte[] sig = raw;
        switch (alg) {
            case SSH_ED25519: jca = "Ed25519"; break;
            case ECDSA_SHA2_NISTP256: jca = "SHA256withECDSA"; sig = der(raw); break;
            case ECDSA_SHA2_NISTP384: jca = "SHA384withECDSA"; sig = der(raw); break;
            case ECDSA_SHA2_NISTP521: jca = "SHA512withECDSA"; sig = der(raw); break;
            case RSA_SHA2_256: jca = "SHA256withRSA"; break;
            case RSA_SHA2_512: jca = "SHA512withRSA"; break;
            default: jca = "SHA1withRSA"; break;
        }
        Signature s = Signature.getInstance(jca);
        s.initVerify(pair.publicKey().jcaKey());
        s.update(DATA);
        return s.verify(sig);
    }

    /** mpint r, mpint s to a DER SEQUENCE of two INTEGERs (test-only encoder). */
    private static byte[] der(byte[] sshSig) throws Exception {
        WireReader r = new WireReader(sshSig);
        byte[] ri = r.mpint().toByteArray();
        byte[] si = r.mpint().toByteArray();
        r.expectEnd();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] i : new byte[][] {ri, si}) {
            body.write(2);
            derLength(body, i.length);
            body.write(i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        derLength(out, body.size());
        body.writeTo(out);
        return out.toByteArray();
    }

    private static void derLength(ByteArrayOutputStream out, int len) {
        if (len >= 128) {
            out.write(0x81);
        }
        out.write(len);
    }

    @Test
    void blobNamingAnotherAlgorithmIsFalse() throws Exception {
        SshKeyPair rsa = KEYS.get(SignatureAlgorithm.RSA_SHA2_256);
        byte[] sha256 = SignatureAlgorithm.RSA_SHA2_256.sign(rsa.privateKey(), DATA);
        assertFalse(SignatureAlgorithm.RSA_SHA2_512.verify(rsa.publicKey(), DATA, sha256));
        assertFalse(SignatureAlgorithm.SSH_RSA.verify(rsa.publicKey(), DATA, sha256));
    }

    @Test
    void malformedBlobsAndWrongKeyTypesThrow() throws Exception {
        SshKeyPair ed = KEYS.get(SignatureAlgorithm.SSH_ED25519);
        byte[] blob = SignatureAlgorithm.SSH_ED25519.sign(ed.privateKey(), DATA);
        assertThrows(KeyFormatException.class,
                () -> SignatureAlgorithm.SSH_ED25519.verify(ed.publicKey(), DATA, Arrays.copyOf(blob, blob.length - 1)));
        assertThrows(KeyFormatException.class,
                () -> SignatureAlgorithm.SSH_ED25519.verify(ed.publicKey(), DATA, Arrays.copyOf(blob, blob.length + 1)));
        assertThrows(KeyFormatException.class, () -> SignatureAlgorithm.SSH_ED25519.verify(ed.publicKey(), DATA, new byte[0]));
        assertThrows(KeyFormatException.class, () -> SignatureAlgorithm.RSA_SHA2_256.verify(ed.publicKey(), DATA, blob));
        assertThrows(KeyFormatException.class, () -> SignatureAlgorithm.ECDSA_SHA2_NISTP256.sign(ed.privateKey(), DATA));
        SshKeyPair p384 = KEYS.get(SignatureAlgorithm.ECDSA_SHA2_NISTP384);
        assertThrows(KeyFormatException.class, () -> SignatureAlgorithm.ECDSA_SHA2_NISTP256.sign(p384.privateKey(), DATA));
        // ECDSA inner blob with trailing data, or a non-canonical mpint
        byte[] ecdsa = new WireWriter().utf8("ecdsa-sha2-nistp384")
                .string(new WireWriter().mpint(BigInteger.ONE).mpint(BigInteger.ONE).uint32(0).toByteArray()).toByteArray();
        assertThrows(KeyFormatException.class, () -> SignatureAlgorithm.ECDSA_SHA2_NISTP384.verify(p384.publicKey(), DATA, ecdsa));
        // r or s out of range is just a bad signature
        byte[] zero = new WireWriter().utf8("ecdsa-sha2-nistp384")
                .string(new WireWriter().mpint(BigInteger.ZERO).mpint(BigInteger.ONE).toByteArray()).toByteArray();
        assertFalse(SignatureAlgorithm.ECDSA_SHA2_NISTP384.verify(p384.publicKey(), DATA, zero));
        // an Ed25519 signature of the wrong size is a bad signature
        byte[] shortEd = new WireWriter().utf8("ssh-ed25519").string(new byte[63]).toByteArray();
        assertFalse(SignatureAlgorithm.SSH_ED25519.verify(ed.publicKey(), DATA, shortEd));
    }

    @Test
    void rsaSignaturesAreLeftPaddedButNeverLongerThanTheModulus() throws Exception {
        SshKeyPair rsa = KEYS.get(SignatureAlgorithm.RSA_SHA2_512);
        int modBytes = (((RSAPublicKey) rsa.publicKey().jcaKey()).getModulus().bitLength() + 7) / 8;
        byte[] data;
        byte[] raw;
        int i = 0;
        do { // find a signature whose first byte is zero (1 in 256)
            data = ("message " + i++).getBytes(StandardCharsets.UTF_8);
            WireReader r = new WireReader(SignatureAlgorithm.RSA_SHA2_512.sign(rsa.privateKey(), data));
            r.ascii();
            raw = r.string();
        } while (raw[0] != 0);
        assertEquals(modBytes, raw.length);
        byte[] stripped = Arrays.copyOfRange(raw, 1, raw.length);
        assertTrue(SignatureAlgorithm.RSA_SHA2_512.verify(rsa.publicKey(), data,
                new WireWriter().utf8("rsa-sha2-512").string(stripped).toByteArray()));
        byte[] longer = new byte[raw.length + 1];
        System.arraycopy(raw, 0, longer, 1, raw.length);
        assertFalse(SignatureAlgorithm.RSA_SHA2_512.verify(rsa.publicKey(), data,
                new WireWriter().utf8("rsa-sha2-512").string(longer).toByteArray()));
    }

    /** RFC 8032 section 7.1, TEST 1 (empty message), through our Ed25519 key decoding. */
    @Test
    void rfc8032Test1() throws Exception {
        HexFormat hex = HexFormat.of();
        SshPublicKey key = PublicKeys.decode(new WireWriter().utf8("ssh-ed25519")
                .string(hex.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")).toByteArray());
        byte[] sig = hex.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        byte[] blob = new WireWriter().utf8("ssh-ed25519").string(sig).toByteArray();
        assertTrue(SignatureAlgorithm.SSH_ED25519.verify(key, new byte[0], blob));
        assertFalse(SignatureAlgorithm.SSH_ED25519.verify(key, new byte[1], blob));
        assertArrayEquals(key.blob(), PublicKeys.fromJca(key.jcaKey()).blob());
    }
}
