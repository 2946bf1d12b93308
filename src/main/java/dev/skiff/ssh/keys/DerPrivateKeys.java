package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.math.BigInteger;
import java.util.Map;

/**
 * DER private key structures of the PEM formats:
 * <ul>
 * <li>PKCS#1 {@code RSAPrivateKey} (RFC 8017 appendix A.1.2): version 0, n, e, d, p, q, dP, dQ, qInv</li>
 * <li>SEC1 {@code ECPrivateKey} (RFC 5915 section 3): version 1, OCTET STRING d,
 *     [0] curve OID, [1] BIT STRING public point</li>
 * <li>PKCS#8 {@code PrivateKeyInfo} / {@code OneAsymmetricKey} (RFC 5208, RFC 5958): version,
 *     AlgorithmIdentifier, OCTET STRING holding one of the above, or for Ed25519 (RFC 8410
 *     section 7) an OCTET STRING with the 32-byte seed</li>
 * </ul>
 */
final class DerPrivateKeys {
    static final String RSA_OID = "1.2.840.113549.1.1.1";
    static final String EC_OID = "1.2.840.10045.2.1";
    static final String ED25519_OID = "1.3.101.112";
    private static final Map<String, EcCurve> CURVES = Map.of(
            "1.2.840.10045.3.1.7", EcCurve.NISTP256,
            "1.3.132.0.34", EcCurve.NISTP384,
            "1.3.132.0.35", EcCurve.NISTP521);

    private DerPrivateKeys() {
    }

    static SshKeyPair pkcs1(byte[] der) throws KeyFormatException {
        DerReader seq = new DerReader(der).sequence();
        if (seq.smallInt() != 0) {
            throw new KeyFormatException("unsupported RSAPrivateKey version (multi-prime?)");
        }
        BigInteger n = seq.integer();
        BigInteger e = seq.integer();
        BigInteger d = seq.integer();
        BigInteger p = seq.integer();
        BigInteger q = seq.integer();
        seq.integer();
        seq.integer();
        seq.integer();
        seq.expectEnd();
        return PrivateKeys.rsa(n, e, d, p, q, "");
    }

    /** @param curveFromAlgorithm the curve named outside (PKCS#8), or null */
    static SshKeyPair sec1(byte[] der, EcCurve curveFromAlgorithm) throws KeyFormatException {
        DerReader seq = new DerReader(der).sequence();
        if (seq.smallInt() != 1) {
            throw new KeyFormatException("unsupported ECPrivateKey version");
        }
        BigInteger d = new BigInteger(1, seq.octetString());
        EcCurve curve = curveFromAlgorithm;
        byte[] point = null;
        if (seq.peekTag() == 0xa0) {
            DerReader params = seq.element(0xa0);
            EcCurve named = curve(params.oid());
            params.expectEnd();
            if (curve != null && curve != named) {
                throw new KeyFormatException("EC curve parameters disagree");
            }
            curve = named;
        }
        if (seq.peekTag() == 0xa1) {
            DerReader pub = seq.element(0xa1);
            point = pub.bitString();
            pub.expectEnd();
        }
        seq.expectEnd();
        if (curve == null) {
            throw new KeyFormatException("EC private key without curve");
        }
        return PrivateKeys.ecdsa(curve, d, point, "");
    }

    static SshKeyPair pkcs8(byte[] der) throws KeyFormatException {
        DerReader seq = new DerReader(der).sequence();
        int version = seq.smallInt();
        if (version > 1) {
            throw new KeyFormatException("unsupported PrivateKeyInfo version " + version);
        }
        DerReader alg = seq.sequence();
        String oid = alg.oid();
        byte[] inner = seq.octetString();
        while (seq.hasMore()) {
            seq.skip(); // [0] attributes, [1] public key (derived and checked instead)
        }
        switch (oid) {
            case RSA_OID:
                if (alg.hasMore()) {
                    alg.element(DerReader.NULL).expectEnd();
                }
                alg.expectEnd();
                return pkcs1(inner);
            case EC_OID: {
                EcCurve curve = curve(alg.oid());
                alg.expectEnd();
                return sec1(inner, curve);
            }
            case ED25519_OID: {
                alg.expectEnd();
                DerReader r = new DerReader(inner);
                byte[] seed = r.octetString();
                r.expectEnd();
                try {
                    return PrivateKeys.ed25519(seed, "");
                } finally {
                    Passphrases.wipe(seed);
                }
            }
            default:
                throw new KeyFormatException("unsupported PKCS#8 key algorithm " + oid);
        }
    }

    private static EcCurve curve(String oid) throws KeyFormatException {
        EcCurve c = CURVES.get(oid);
        if (c == null) {
            throw new KeyFormatException("unsupported EC curve " + oid);
        }
        return c;
    }
}
