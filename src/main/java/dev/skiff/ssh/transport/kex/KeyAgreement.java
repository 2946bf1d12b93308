package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.ProtocolException;

/**
 * The ephemeral part of one key exchange, for either side. Public values are the raw contents of
 * the single string/mpint field of SSH_MSG_KEX*_INIT and _REPLY (Q_C / Q_S, or e / f as two's
 * complement bytes), so they hash as {@code string} whatever the method. The shared secret is
 * returned already encoded for the exchange hash and key derivation: {@code mpint K} for DH and
 * ECDH, {@code string K} for the hybrid PQ methods.
 */
public interface KeyAgreement {
    /** Client: generates the key pair (once) and returns the INIT value. */
    byte[] clientValue();

    /** Client: validates the server's REPLY value and returns the encoded shared secret. */
    byte[] clientSharedSecret(byte[] serverValue) throws ProtocolException;

    /** Server: validates the client's INIT value, returns the REPLY value and encoded shared secret. */
    ServerReply serverReply(byte[] clientValue) throws ProtocolException;

    /** Wipes private material. */
    void destroy();

    /** Server side result. */
    record ServerReply(byte[] serverValue, byte[] encodedSharedSecret) {
    }
}
