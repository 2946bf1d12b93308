package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.ProtocolException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Hybrid post-quantum KEM + X25519 methods: sntrup761x25519-sha512 (draft-ietf-sshm-ntruprime-ssh,
 * OpenSSH kexsntrup761x25519.c) and mlkem768x25519-sha256 (draft-ietf-sshm-mlkem-hybrid-kex,
 * OpenSSH kexmlkem768x25519.c). Wire values: client {@code KEM public key || X25519 public},
 * server {@code KEM ciphertext || X25519 public}. K = HASH(KEM secret || X25519 raw secret),
 * encoded as {@code string}. One instance serves one exchange, on one side; not thread-safe.
 */
final class HybridKemAgreement implements KeyAgreement {
    private final Kem kem;
    private final String digestAlgorithm;
    private final SecureRandom random;
    private KeyPair x25519;
    private byte[] clientValue;

    HybridKemAgreement(Kem kem, String digestAlgorithm, SecureRandom random) {
        this.kem = kem;
        this.digestAlgorithm = digestAlgorithm;
        this.random = random;
    }

    @Override
    public byte[] clientValue() {
        if (clientValue == null) {
            byte[] kemPublic = kem.generate(random);
            x25519 = X25519.generate(random);
            clientValue = concat(kemPublic, X25519.encodePublic(x25519.getPublic()));
        }
        return clientValue.clone();
    }

    @Override
    public byte[] clientSharedSecret(byte[] serverValue) throws ProtocolException {
        if (clientValue == null) {
            throw new IllegalStateException("clientValue() was not called");
        }
        int ct = kem.ciphertextBytes();
        if (serverValue.length != ct + X25519.KEY_BYTES) {
            throw EncodedSecret.failed("hybrid KEX reply has " + serverValue.length + " bytes, expected " + (ct + X25519.KEY_BYTES));
        }
        byte[] kemSecret = kem.decapsulate(Arrays.copyOfRange(serverValue, 0, ct));
        try {
            return combine(kemSecret, Arrays.copyOfRange(serverValue, ct, serverValue.length));
        } finally {
            EncodedSecret.wipe(kemSecret);
        }
    }

    @Override
    public ServerReply serverReply(byte[] clientValue) throws ProtocolException {
        int pk = kem.publicKeyBytes();
        if (clientValue.length != pk + X25519.KEY_BYTES) {
            throw EncodedSecret.failed("hybrid KEX init has " + clientValue.length + " bytes, expected " + (pk + X25519.KEY_BYTES));
        }
        Kem.Encapsulation enc = kem.encapsulate(Arrays.copyOfRange(clientValue, 0, pk), random);
        x25519 = X25519.generate(random);
        try {
            byte[] k = combine(enc.secret(), Arrays.copyOfRange(clientValue, pk, clientValue.length));
            return new ServerReply(concat(enc.ciphertext(), X25519.encodePublic(x25519.getPublic())), k);
        } finally {
            EncodedSecret.wipe(enc.secret());
        }
    }

    /** string(HASH(kemSecret || X25519(own, peerX25519))). */
    private byte[] combine(byte[] kemSecret, byte[] peerX25519) throws ProtocolException {
        byte[] ecdh = X25519.sharedSecret(x25519.getPrivate(), peerX25519);
        byte[] hash = null;
        try {
            MessageDigest md = MessageDigest.getInstance(digestAlgorithm);
            md.update(kemSecret);
            md.update(ecdh);
            hash = md.digest();
            return EncodedSecret.string(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digestAlgorithm + " missing from the JDK", e);
        } finally {
            EncodedSecret.wipe(ecdh, hash);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void destroy() {
        kem.destroy();
        x25519 = null;
    }
}
