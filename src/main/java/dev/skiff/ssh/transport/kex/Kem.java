package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.ProtocolException;
import java.security.SecureRandom;

/**
 * A key encapsulation mechanism as used by the hybrid SSH methods. Stateful: {@link #generate}
 * keeps the private key for {@link #decapsulate}. Not thread-safe.
 */
interface Kem {
    int publicKeyBytes();

    int ciphertextBytes();

    /** Generates a key pair, keeps the private key, returns the encoded public key. */
    byte[] generate(SecureRandom random);

    /** Encapsulates to an encoded public key of exactly {@link #publicKeyBytes()} bytes. */
    Encapsulation encapsulate(byte[] publicKey, SecureRandom random) throws ProtocolException;

    /** Decapsulates a ciphertext of exactly {@link #ciphertextBytes()} bytes with the kept private key. */
    byte[] decapsulate(byte[] ciphertext) throws ProtocolException;

    /** Drops the private key. */
    void destroy();

    /** A ciphertext and the 32-byte shared secret it carries. */
    record Encapsulation(byte[] ciphertext, byte[] secret) {
    }
}
