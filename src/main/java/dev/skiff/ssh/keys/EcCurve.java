package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Optional;

/**
 * The NIST prime curves used by SSH (RFC 5656 section 10.1: nistp256, nistp384, nistp521), with
 * the SEC1 uncompressed point encoding {@code 0x04 || X || Y} (RFC 5656 section 3.1, SEC1 2.3.3)
 * and point validation (SEC1 3.2.2.1; the cofactor is 1, so a point on the curve that is not the
 * point at infinity is in the group). Shared by ECDSA host keys and ECDH key exchange.
 */
public enum EcCurve {
    NISTP256("nistp256", "secp256r1", "SHA-256"),
    NISTP384("nistp384", "secp384r1", "SHA-384"),
    NISTP521("nistp521", "secp521r1", "SHA-512");

    private final String sshName;
    private final String jcaName;
    private final String digestAlgorithm;
    private final ECParameterSpec params;
    private final int fieldBytes;

    EcCurve(String sshName, String jcaName, String digestAlgorithm) {
        this.sshName = sshName;
        this.jcaName = jcaName;
        this.digestAlgorithm = digestAlgorithm;
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(new ECGenParameterSpec(jcaName));
            this.params = ap.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA lacks curve " + jcaName, e);
        }
        this.fieldBytes = (params.getCurve().getField().getFieldSize() + 7) / 8;
    }

    /** Curve identifier as in the key blob, e.g. {@code nistp256}. */
    public String sshName() {
        return sshName;
    }

    /** Standard name for JCA, e.g. {@code secp256r1}. */
    public String jcaName() {
        return jcaName;
    }

    /** Digest for ECDSA signatures and ECDH exchange hashes on this curve (RFC 5656 section 6.2.1). */
    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    /** Key type name, {@code ecdsa-sha2-} + curve name. */
    public String keyType() {
        return "ecdsa-sha2-" + sshName;
    }

    public ECParameterSpec params() {
        return params;
    }

    /** Length of one coordinate in bytes (32, 48, 66). */
    public int fieldBytes() {
        return fieldBytes;
    }

    /** Length of the curve order in bytes (the size of r and s in P1363 form). */
    public int orderBytes() {
        return (params.getOrder().bitLength() + 7) / 8;
    }

    public static Optional<EcCurve> bySshName(String name) {
        for (EcCurve c : values()) {
            if (c.sshName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The curve of a JCA parameter spec (compared by field, coefficients, generator and order). */
    public static Optional<EcCurve> of(ECParameterSpec spec) {
        for (EcCurve c : values()) {
            ECParameterSpec p = c.params;
            if (p.getCurve().equals(spec.getCurve()) && p.getGenerator().equals(spec.getGenerator())
                    && p.getOrder().equals(spec.getOrder()) && p.getCofactor() == spec.getCofactor()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** SEC1 uncompressed encoding {@code 0x04 || X || Y}, coordinates left-padded to {@link #fieldBytes()}. */
    public byte[] encodePoint(ECPoint point) {
        byte[] out = new byte[1 + 2 * fieldBytes];
        out[0] = 4;
        Unsigned.toFixed(point.getAffineX(), out, 1, fieldBytes);
        Unsigned.toFixed(point.getAffineY(), out, 1 + fieldBytes, fieldBytes);
        return out;
    }

    /**
     * Decodes and validates an uncompressed point: exact length, 0x04 prefix, coordinates below
     * the field prime, and y^2 = x^3 + ax + b (mod p).
     *
     * @throws KeyFormatException for anything else (compressed points are not used by SSH)
     */
    public ECPoint decodePoint(byte[] encoded) throws KeyFormatException {
        if (encoded.length != 1 + 2 * fieldBytes || encoded[0] != 4) {
            throw new KeyFormatException("invalid " + sshName + " point encoding (length " + encoded.length + ")");
        }
        BigInteger x = new BigInteger(1, encoded, 1, fieldBytes);
        BigInteger y = new BigInteger(1, encoded, 1 + fieldBytes, fieldBytes);
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new KeyFormatException(sshName + " point coordinate out of range");
        }
        BigInteger lhs = y.multiply(y).mod(p);
        BigInteger rhs = x.multiply(x).add(params.getCurve().getA()).multiply(x).add(params.getCurve().getB()).mod(p);
        if (!lhs.equals(rhs)) {
            throw new KeyFormatException(sshName + " point is not on the curve");
        }
        return new ECPoint(x, y);
    }

    /** A JCA public key for a validated point. */
    public PublicKey toPublicKey(ECPoint point) throws KeyFormatException {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params));
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("JCA rejected the " + sshName + " public key", e);
        }
    }
}
