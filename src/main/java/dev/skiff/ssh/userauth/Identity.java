package dev.skiff.ssh.userauth;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshPublicKey;

/**
 * Something that can prove possession of a key for publickey authentication: a key pair loaded
 * from a file, or a key held by an SSH agent. Implementations may block (agent round trip, a
 * passphrase prompt) and are called on the authenticating worker thread.
 */
public interface Identity {
    SshPublicKey publicKey();

    /** Signs {@code data} and returns the SSH signature blob (string algorithm, string signature). */
    byte[] sign(SignatureAlgorithm algorithm, byte[] data) throws SshException;

    /** For messages: e.g. the file path or "agent: comment". Never secret material. */
    String description();

    /** An identity backed by a key pair in memory. */
    static Identity of(dev.skiff.ssh.keys.SshKeyPair pair, String description) {
        return new Identity() {
            @Override
            public SshPublicKey publicKey() {
                return pair.publicKey();
            }

            @Override
            public byte[] sign(SignatureAlgorithm algorithm, byte[] data) throws SshException {
                return algorithm.sign(pair.privateKey(), data);
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public String toString() {
                return "Identity[" + description + ", " + pair.publicKey().keyType() + "]";
            }
        };
    }
}
