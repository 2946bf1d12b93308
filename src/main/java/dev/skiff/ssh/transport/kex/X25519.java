package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.ProtocolException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;

/**
 * X25519 (RFC 7748) on top of JCA's XDH, with SSH's 32-byte public values: the u-coordinate
 * little-endian (RFC 7748 section 5). Decoding masks the top bit and reduces u mod p as section 5
 * requires; the raw 32-byte output of the function is the shared secret (RFC 8731 section 3).
 */
final class X25519 {
    static final int KEY_BYTES = 32;
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    private X25519() {
    }

    static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
            g.initialize(NamedParameterSpec.X25519, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    /** The 32-byte little-endian u-coordinate of a JCA X25519 public key. */
    static byte[] encodePublic(PublicKey key) {
        BigInteger u = ((XECPublicKey) key).getU();
        byte[] be = u.toByteArray();
        byte[] out = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    /** A JCA public key from 32 bytes (top bit masked, u reduced mod p). */
    static PublicKey decodePublic(byte[] encoded) throws ProtocolException {
        if (encoded.length != KEY_BYTES) {
            throw EncodedSecret.failed("X25519 public value must be 32 bytes, got " + encoded.length);
        }
        byte[] be = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES; i++) {
            be[i] = encoded[KEY_BYTES - 1 - i];
        }
        be[0] &= 0x7f;
        BigInteger u = new BigInteger(1, be).mod(P);
        try {
            return KeyFactory.getInstance("X25519").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
        } catch (GeneralSecurityException e) {
            throw EncodedSecret.failed("invalid X25519 public value", e);
        }
    }

    /** A JCA private key from a 32-byte scalar (clamped by the JCA as RFC 7748 section 5 says). */
    static PrivateKey privateKey(byte[] scalar) {
        try {
            return KeyFactory.getInstance("X25519").generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid X25519 scalar", e);
        }
    }

    /**
     * X25519(own private, peer public): the raw 32 output bytes. Rejects a wrong-length peer value
     * and an all-zero result (RFC 7748 section 6.1, RFC 8731 section 3).
     */
    static byte[] sharedSecret(PrivateKey own, byte[] peerPublic) throws ProtocolException {
        PublicKey peer = decodePublic(peerPublic);
        byte[] secret;
        try {
            javax.crypto.KeyAgreement ka = javax.crypto.KeyAgreement.getInstance("X25519");
            ka.init(own);
            ka.doPhase(peer, true);
            secret = ka.generateSecret();
        } catch (GeneralSecurityException | RuntimeException e) {
            // SunEC throws InvalidKeyException for small-order points; nothing unchecked may escape
            throw EncodedSecret.failed("X25519 agreement failed", e);
        }
        int acc = 0;
        for (byte b : secret) {
            acc |= b;
        }
        if (secret.length != KEY_BYTES || acc == 0) {
            EncodedSecret.wipe(secret);
            throw EncodedSecret.failed("X25519 shared secret is zero");
        }
        return secret;
    }
}
