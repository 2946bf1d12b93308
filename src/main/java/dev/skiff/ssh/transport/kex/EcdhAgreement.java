package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.keys.EcCurve;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

/**
 * ecdh-sha2-nistp256/384/521 (RFC 5656 section 4). Q_C and Q_S are uncompressed points
 * {@code 0x04 || X || Y} (section 3.1); the peer's point is validated (section 4, SEC1 3.2.2.1);
 * K is the x coordinate of the shared point, encoded as mpint (section 4). One instance serves
 * one exchange, on one side; not thread-safe.
 */
final class EcdhAgreement implements KeyAgreement {
    private final EcCurve curve;
    private final SecureRandom random;
    private KeyPair keyPair;

    EcdhAgreement(EcCurve curve, SecureRandom random) {
        this.curve = curve;
        this.random = random;
    }

    private void generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve.jcaName()), random);
            keyPair = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC " + curve.jcaName() + " unavailable", e);
        }
    }

    private byte[] ownValue() {
        return curve.encodePoint(((ECPublicKey) keyPair.getPublic()).getW());
    }

    @Override
    public byte[] clientValue() {
        if (keyPair == null) {
            generate();
        }
        return ownValue();
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
        generate();
        byte[] k = encodedSecret(clientValue);
        return new ServerReply(ownValue(), k);
    }

    private byte[] encodedSecret(byte[] peerValue) throws ProtocolException {
        PublicKey peer;
        try {
            peer = curve.toPublicKey(curve.decodePoint(peerValue));
        } catch (KeyFormatException e) {
            throw EncodedSecret.failed("invalid ECDH public value: " + e.getMessage(), e);
        }
        byte[] x;
        try {
            javax.crypto.KeyAgreement ka = javax.crypto.KeyAgreement.getInstance("ECDH");
            ka.init(keyPair.getPrivate());
            ka.doPhase(peer, true);
            x = ka.generateSecret();
        } catch (GeneralSecurityException | RuntimeException e) {
            // nothing unchecked may escape on wire data
            throw EncodedSecret.failed("ECDH agreement failed", e);
        }
        try {
            return EncodedSecret.mpintUnsigned(x);
        } finally {
            EncodedSecret.wipe(x);
        }
    }

    @Override
    public void destroy() {
        // JCA EC private keys cannot be wiped in place; drop the reference
        keyPair = null;
    }
}
