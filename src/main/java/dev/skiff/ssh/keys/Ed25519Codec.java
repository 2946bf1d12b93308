package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/**
 * Ed25519 public keys as 32 bytes (RFC 8032 section 5.1.2: y little-endian, the top bit of the last
 * byte holding the parity of x) to and from JCA's {@link EdECPoint}. Decoding validates the point
 * as in RFC 8032 section 5.1.3 (y below p, and x recoverable from y).
 */
final class Ed25519Codec {
    static final int KEY_BYTES = 32;
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    /** d = -121665 / 121666 mod p (RFC 8032 section 5.1). */
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger HALF_P_MINUS_1 = P.subtract(BigInteger.ONE).shiftRight(1);

    private Ed25519Codec() {
    }

    static byte[] encode(EdECPublicKey key) {
        EdECPoint point = key.getPoint();
        byte[] be = Unsigned.toFixed(point.getY(), KEY_BYTES);
        byte[] out = reverse(be);
        if (point.isXOdd()) {
            out[KEY_BYTES - 1] |= (byte) 0x80;
        }
        return out;
    }

    static PublicKey decode(byte[] encoded) throws KeyFormatException {
        if (encoded.length != KEY_BYTES) {
            throw new KeyFormatException("ssh-ed25519 key must be 32 bytes, got " + encoded.length);
        }
        byte[] be = reverse(encoded);
        boolean xOdd = (be[0] & 0x80) != 0;
        be[0] &= 0x7f;
        BigInteger y = new BigInteger(1, be);
        if (y.compareTo(P) >= 0) {
            throw new KeyFormatException("ssh-ed25519 key: y out of range");
        }
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
        BigInteger x2 = u.multiply(v.modInverse(P)).mod(P);
        if (x2.signum() == 0 ? xOdd : !x2.modPow(HALF_P_MINUS_1, P).equals(BigInteger.ONE)) {
            throw new KeyFormatException("ssh-ed25519 key is not a curve point");
        }
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, y)));
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("JCA rejected the ssh-ed25519 key", e);
        }
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
