package dev.skiff.ssh.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A decoded and validated public key: key type, blob (RFC 4253 section 6.6) and JCA key. Immutable;
 * equality is by blob. Built only by {@link PublicKeys}.
 */
final class PublicKeyBlob implements SshPublicKey {
    private final String keyType;
    private final byte[] blob;
    private final PublicKey jcaKey;

    PublicKeyBlob(String keyType, byte[] blob, PublicKey jcaKey) {
        this.keyType = keyType;
        this.blob = blob.clone();
        this.jcaKey = jcaKey;
    }

    @Override
    public String keyType() {
        return keyType;
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    @Override
    public PublicKey jcaKey() {
        return jcaKey;
    }

    @Override
    public String sha256Fingerprint() {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256"));
    }

    @Override
    public String md5Fingerprint() {
        byte[] d = digest("MD5");
        StringBuilder sb = new StringBuilder("MD5:");
        for (int i = 0; i < d.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((d[i] >> 4) & 0xf, 16)).append(Character.forDigit(d[i] & 0xf, 16));
        }
        return sb.toString();
    }

    @Override
    public String toOpenSshString() {
        return keyType + " " + Base64.getEncoder().encodeToString(blob);
    }

    private byte[] digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(blob);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeyBlob other && Arrays.equals(blob, other.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return keyType + " " + sha256Fingerprint();
    }
}
