package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.ProtocolException;
import java.security.KeyPair;
import java.security.SecureRandom;

/**
 * curve25519-sha256 and curve25519-sha256@libssh.org (RFC 8731). Q_C and Q_S are 32-byte X25519
 * public values (section 3); K is the 32 raw X25519 output bytes read as an unsigned big-endian
 * number and encoded as mpint (section 3.1; OpenSSH does the same with the unreversed bytes).
 * One instance serves one exchange, on one side; not thread-safe.
 */
final class Curve25519Agreement implements KeyAgreement {
    private final SecureRandom random;
    private KeyPair keyPair;

    Curve25519Agreement(SecureRandom random) {
        this.random = random;
    }

    @Override
    public byte[] clientValue() {
        if (keyPair == null) {
            keyPair = X25519.generate(random);
        }
        return X25519.encodePublic(keyPair.getPublic());
    }

    @Override
    public byte[] clientSharedSecret(byte[] serverValue) throws ProtocolException {
        if (keyPair == null) {
            throw new IllegalStateException("clientValue() was not called");
        }
        return encodedSecret(serverValue);
    }

    @Override
    public ServerReply serverReply(byte[] clientValue) throws ProtocolException {
        keyPair = X25519.generate(random);
        byte[] k = encodedSecret(clientValue);
        return new ServerReply(X25519.encodePublic(keyPair.getPublic()), k);
    }

    private byte[] encodedSecret(byte[] peerValue) throws ProtocolException {
        byte[] raw = X25519.sharedSecret(keyPair.getPrivate(), peerValue);
        try {
            return EncodedSecret.mpintUnsigned(raw);
        } finally {
            EncodedSecret.wipe(raw);
        }
    }

    @Override
    public void destroy() {
        // JCA XEC private keys cannot be wiped in place; drop the reference
        keyPair = null;
    }
}
