package dev.skiff.ssh.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Blob decoding and validation (RFC 4253 6.6, RFC 5656 3.1, RFC 8709 4), OpenSSH lines, fingerprints. */
class PublicKeysTest {
    /** RFC 8032 section 7.1 TEST 1 public key. */
    private static final byte[] ED_KEY = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    private static byte[] edBlob(byte[] key) {
        return new WireWriter().utf8("ssh-ed25519").string(key).toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"})
    void generatedKeysRoundTrip(String keyType) throws Exception {
        SshPublicKey key = SshKeyGenerator.generate(keyType, keyType.equals("ssh-rsa") ? 1024 : 0).publicKey();
        assertEquals(keyType, key.keyType());
        SshPublicKey decoded = PublicKeys.decode(key.blob());
        assertEquals(key, decoded);
        assertEquals(key.hashCode(), decoded.hashCode());
        assertEquals(key, PublicKeys.parseOpenSsh(key.toOpenSshString() + " a comment with spaces"));
        assertEquals(key, PublicKeys.parseOpenSsh("  " + key.toOpenSshString().replace(' ', '\t') + "\n"));
        assertArrayEquals(key.blob(), PublicKeys.fromJca(decoded.jcaKey()).blob());
        assertTrue(key.sha256Fingerprint().matches("SHA256:[A-Za-z0-9+/]{43}"), key.sha256Fingerprint());
        assertTrue(key.md5Fingerprint().matches("MD5:([0-9a-f]{2}:){15}[0-9a-f]{2}"), key.md5Fingerprint());
        // trailing bytes and truncation are malformed
        byte[] blob = key.blob();
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(Arrays.copyOf(blob, blob.length + 1)));
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(Arrays.copyOf(blob, blob.length - 1)));
    }

    @Test
    void blobIsDefensivelyCopied() throws Exception {
        byte[] blob = edBlob(ED_KEY);
        SshPublicKey key = PublicKeys.decode(blob);
        blob[blob.length - 1] ^= 1;
        key.blob()[0] = 42;
        assertArrayEquals(edBlob(ED_KEY), key.blob());
    }

    @Test
    void knownFingerprints() throws Exception {
        SshPublicKey key = PublicKeys.decode(edBlob(ED_KEY));
        // independently: base64(SHA-256(blob)) without padding, hex MD5 with colons
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(edBlob(ED_KEY));
        assertEquals("SHA256:" + java.util.Base64.getEncoder().encodeToString(sha).replace("=", ""), key.sha256Fingerprint());
        String md5 = HexFormat.ofDelimiter(":").formatHex(java.security.MessageDigest.getInstance("MD5").digest(edBlob(ED_KEY)));
        assertEquals("MD5:" + md5, key.md5Fingerprint());
        assertNotEquals(key, PublicKeys.decode(edBlob(HexFormat.of().parseHex(
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"))));
    }

    @Test
    void malformedEd25519() {
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(edBlob(Arrays.copyOf(ED_KEY, 31))));
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(edBlob(Arrays.copyOf(ED_KEY, 33))));
        // y = p (not reduced) is rejected
        byte[] yIsP = HexFormat.of().parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(edBlob(yIsP)));
        // y = 2 has no x on the curve (x^2 = 3/(4d+1) is not a square mod p)
        byte[] notOnCurve = new byte[32];
        notOnCurve[0] = 2;
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(edBlob(notOnCurve)));
    }

    @Test
    void malformedEcdsa() throws Exception {
        SshPublicKey key = SshKeyGenerator.generate("ecdsa-sha2-nistp256", 0).publicKey();
        WireReader r = new WireReader(key.blob());
        r.ascii();
        r.ascii();
        byte[] q = r.string();
        byte[] offCurve = q.clone();
        offCurve[64] ^= 1;
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(ecBlob("ecdsa-sha2-nistp256", "nistp256", offCurve)));
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(ecBlob("ecdsa-sha2-nistp256", "nistp384", q)));
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(ecBlob("ecdsa-sha2-nistp384", "nistp384", q)));
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(ecBlob("ecdsa-sha2-nistp999", "nistp999", q)));
        byte[] compressed = Arrays.copyOf(q, 33);
        compressed[0] = 2;
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(ecBlob("ecdsa-sha2-nistp256", "nistp256", compressed)));
        PublicKeys.decode(ecBlob("ecdsa-sha2-nistp256", "nistp256", q));
    }

    private static byte[] ecBlob(String type, String curve, byte[] q) {
        return new WireWriter().utf8(type).utf8(curve).string(q).toByteArray();
    }

    @Test
    void rsaLimits() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(768);
        RSAPublicKey small = (RSAPublicKey) g.generateKeyPair().getPublic();
        byte[] blob = new WireWriter().utf8("ssh-rsa").mpint(small.getPublicExponent()).mpint(small.getModulus()).toByteArray();
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(blob));
        assertThrows(KeyFormatException.class, () -> PublicKeys.fromJca(small));
        RSAPublicKey ok = (RSAPublicKey) SshKeyGenerator.generate("ssh-rsa", 1024).publicKey().jcaKey();
        byte[] negative = new WireWriter().utf8("ssh-rsa").mpint(ok.getPublicExponent()).mpint(ok.getModulus().negate()).toByteArray();
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(negative));
        byte[] evenE = new WireWriter().utf8("ssh-rsa").mpint(BigInteger.valueOf(4)).mpint(ok.getModulus()).toByteArray();
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(evenE));
    }

    @Test
    void badLinesAndTypes() throws Exception {
        SshPublicKey key = PublicKeys.decode(edBlob(ED_KEY));
        String b64 = key.toOpenSshString().split(" ")[1];
        assertThrows(KeyFormatException.class, () -> PublicKeys.parseOpenSsh("ssh-rsa " + b64));
        assertThrows(KeyFormatException.class, () -> PublicKeys.parseOpenSsh("ssh-ed25519"));
        assertThrows(KeyFormatException.class, () -> PublicKeys.parseOpenSsh(""));
        assertThrows(KeyFormatException.class, () -> PublicKeys.parseOpenSsh("ssh-ed25519 !!notbase64!!"));
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(new WireWriter().utf8("ssh-dss").toByteArray()));
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(new byte[] {0, 0, 0, 50, 1}));
        assertThrows(KeyFormatException.class, () -> PublicKeys.decode(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> SshKeyGenerator.generate("ssh-dss", 0));
        assertThrows(IllegalArgumentException.class, () -> SshKeyGenerator.generate("ssh-rsa", 512));
    }
}
