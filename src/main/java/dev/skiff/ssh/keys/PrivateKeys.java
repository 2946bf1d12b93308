package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Builds validated key pairs from the private values every key file format stores (in different
 * layouts): the Ed25519 seed (RFC 8032 section 5.1.5), the ECDSA scalar d (SEC1 section 3.2) and the
 * RSA primes (RFC 8017 section 3.2, CRT parameters recomputed here rather than trusted). The public
 * half is always derived from the private values; a file's stored public key is compared with it,
 * so a damaged or mismatched file fails here instead of producing bad signatures.
 */
final class PrivateKeys {
    static final int ED25519_SEED_BYTES = 32;

    private PrivateKeys() {
    }

    static SshKeyPair ed25519(byte[] seed, String comment) throws KeyFormatException {
        if (seed.length != ED25519_SEED_BYTES) {
            throw new KeyFormatException("Ed25519 private key must be 32 bytes, got " + seed.length);
        }
        byte[] pub = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        SshPublicKey publicKey = PublicKeys.decode(new dev.skiff.ssh.wire.WireWriter(64)
                .utf8(PublicKeys.SSH_ED25519).string(pub).toByteArray());
        return new SshKeyPair(publicKey, jca("Ed25519", new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)), comment);
    }

    /** @param encodedPoint the stored public point, or null to only derive it */
    static SshKeyPair ecdsa(EcCurve curve, BigInteger d, byte[] encodedPoint, String comment) throws KeyFormatException {
        if (d.signum() <= 0 || d.compareTo(curve.params().getOrder()) >= 0) {
            throw new KeyFormatException(curve.sshName() + " private scalar out of range");
        }
        X9ECParameters x9 = ECNamedCurveTable.getByName(curve.jcaName());
        org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier().multiply(x9.getG(), d).normalize();
        ECPoint derived = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        if (encodedPoint != null && !curve.decodePoint(encodedPoint).equals(derived)) {
            throw new KeyFormatException(curve.sshName() + " public key does not match the private key");
        }
        SshPublicKey publicKey = PublicKeys.fromJca(curve.toPublicKey(derived));
        return new SshKeyPair(publicKey, jca("EC", new ECPrivateKeySpec(d, curve.params())), comment);
    }

    /** RSA from n, e, d and the primes; dP, dQ and qInv are recomputed. */
    static SshKeyPair rsa(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q, String comment)
            throws KeyFormatException {
        if (p.signum() <= 0 || q.signum() <= 0 || d.signum() <= 0 || !p.multiply(q).equals(n)) {
            throw new KeyFormatException("inconsistent RSA private key (n != p * q)");
        }
        SshPublicKey publicKey = PublicKeys.decode(new dev.skiff.ssh.wire.WireWriter(n.bitLength() / 8 + 32)
                .utf8(PublicKeys.SSH_RSA).mpint(e).mpint(n).toByteArray());
        BigInteger one = BigInteger.ONE;
        BigInteger dp = d.mod(p.subtract(one));
        BigInteger dq = d.mod(q.subtract(one));
        BigInteger qInv;
        try {
            qInv = q.modInverse(p);
        } catch (ArithmeticException ex) {
            throw new KeyFormatException("inconsistent RSA private key (q not invertible mod p)");
        }
        if (!e.multiply(dp).mod(p.subtract(one)).equals(one) || !e.multiply(dq).mod(q.subtract(one)).equals(one)) {
            throw new KeyFormatException("inconsistent RSA private key (d does not match e)");
        }
        return new SshKeyPair(publicKey, jca("RSA", new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qInv)), comment);
    }

    private static PrivateKey jca(String algorithm, java.security.spec.KeySpec spec) throws KeyFormatException {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(spec);
        } catch (GeneralSecurityException ex) {
            throw new KeyFormatException("JCA rejected the " + algorithm + " private key", ex);
        }
    }
}
