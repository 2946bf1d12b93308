package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;

/**
 * Public key signature algorithms by wire name (RFC 4253 6.6, RFC 8332, RFC 5656, RFC 8709).
 * Signature blobs are {@code string algorithm-name, string signature} (ECDSA: the inner string
 * holds {@code mpint r, mpint s}).
 */
public enum SignatureAlgorithm {
    SSH_ED25519("ssh-ed25519", "ssh-ed25519"),
    ECDSA_SHA2_NISTP256("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256"),
    ECDSA_SHA2_NISTP384("ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384"),
    ECDSA_SHA2_NISTP521("ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521"),
    RSA_SHA2_512("rsa-sha2-512", "ssh-rsa"),
    RSA_SHA2_256("rsa-sha2-256", "ssh-rsa"),
    /** SHA-1; only when explicitly enabled. */
    SSH_RSA("ssh-rsa", "ssh-rsa");

    private final String wireName;
    private final String keyType;

    SignatureAlgorithm(String wireName, String keyType) {
        this.wireName = wireName;
        this.keyType = keyType;
    }

    public String wireName() {
        return wireName;
    }

    /** The key type this algorithm signs with (rsa-sha2-* use ssh-rsa keys). */
    public String keyType() {
        return keyType;
    }

    public static Optional<SignatureAlgorithm> byName(String name) {
        for (SignatureAlgorithm a : values()) {
            if (a.wireName.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Algorithms usable with a key type, in preference order. */
    public static List<SignatureAlgorithm> forKeyType(String keyType) {
        return java.util.Arrays.stream(values()).filter(a -> a.keyType.equals(keyType)).toList();
    }

    /**
     * Verifies a signature blob over {@code data}. Returns false for a wrong signature or a blob
     * naming another algorithm.
     *
     * @throws KeyFormatException when the blob is malformed or the key type does not fit
     */
    public boolean verify(SshPublicKey key, byte[] data, byte[] signatureBlob) throws KeyFormatException {
        return Signatures.verify(this, key, data, signatureBlob);
    }

    /** Signs {@code data} and returns the signature blob. */
    public byte[] sign(PrivateKey key, byte[] data) throws KeyFormatException {
        return Signatures.sign(this, key, data);
    }
}
