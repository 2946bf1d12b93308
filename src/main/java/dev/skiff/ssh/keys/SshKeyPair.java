package dev.skiff.ssh.keys;

import java.security.PrivateKey;

/** A key pair: the SSH public key and the JCA private key. {@code toString} never shows the private key. */
public record SshKeyPair(SshPublicKey publicKey, PrivateKey privateKey) {
    @Override
    public String toString() {
        return "SshKeyPair[" + publicKey.keyType() + " " + publicKey.sha256Fingerprint() + "]";
    }
}
