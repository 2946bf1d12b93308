package dev.skiff.ssh.keys;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * A key pair: the SSH public key, the JCA private key and the comment from the key file ("" when
 * there is none). {@code toString} never shows the private key.
 */
public record SshKeyPair(SshPublicKey publicKey, PrivateKey privateKey, String comment) {
    public SshKeyPair {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        comment = comment == null ? "" : comment;
    }

    /** A pair without comment. */
    public SshKeyPair(SshPublicKey publicKey, PrivateKey privateKey) {
        this(publicKey, privateKey, "");
    }

    /** The same keys with another comment. */
    public SshKeyPair withComment(String newComment) {
        return new SshKeyPair(publicKey, privateKey, newComment);
    }

    @Override
    public String toString() {
        return "SshKeyPair[" + publicKey.keyType() + " " + publicKey.sha256Fingerprint() + "]";
    }
}
