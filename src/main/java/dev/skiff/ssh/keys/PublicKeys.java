package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.security.PublicKey;

/** Decoding and encoding of SSH public key blobs and OpenSSH one-line public keys. */
public final class PublicKeys {
    private PublicKeys() {
    }

    /** Decodes and validates a public key blob. */
    public static SshPublicKey decode(byte[] blob) throws KeyFormatException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Wraps a JCA public key (EdEC Ed25519, EC on P-256/384/521, RSA). */
    public static SshPublicKey fromJca(PublicKey key) throws KeyFormatException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Parses {@code keytype base64 [comment]} (a .pub file line or the key part of a known_hosts line). */
    public static SshPublicKey parseOpenSsh(String line) throws KeyFormatException {
        throw new UnsupportedOperationException("TODO");
    }
}
