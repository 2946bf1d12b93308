package dev.skiff.ssh.knownhosts;

import dev.skiff.ssh.keys.SshPublicKey;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Random;

/**
 * Test-only {@link SshPublicKey}: a key type and a blob ({@code string type, string data}); the
 * JCA key is absent. Does not depend on {@code PublicKeys}.
 */
final class TestKey implements SshPublicKey {
    private final String type;
    private final byte[] blob;

    TestKey(String type, byte[] blob) {
        this.type = type;
        this.blob = blob.clone();
    }

    /** A blob of the given type with 32 bytes derived from the seed. */
    static TestKey of(String type, int seed) {
        byte[] data = new byte[32];
        new Random(seed).nextBytes(data);
        return new TestKey(type, blob(type, data));
    }

    /** Parses {@code type base64 [comment]}, e.g. a .pub file. */
    static TestKey parse(String line) {
        String[] f = line.trim().split("\\s+");
        return new TestKey(f[0], Base64.getDecoder().decode(f[1]));
    }

    static byte[] blob(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(t.length).array());
        out.writeBytes(t);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(data);
        return out.toByteArray();
    }

    String base64() {
        return Base64.getEncoder().encodeToString(blob);
    }

    @Override
    public String keyType() {
        return type;
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    @Override
    public PublicKey jcaKey() {
        throw new UnsupportedOperationException("test key");
    }

    @Override
    public String sha256Fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public String md5Fingerprint() {
        return "MD5:test";
    }

    @Override
    public String toOpenSshString() {
        return type + " " + base64();
    }
}
