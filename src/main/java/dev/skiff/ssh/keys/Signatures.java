package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Signature creation and verification behind {@link SignatureAlgorithm}. Blob: {@code string
 * algorithm-name, string signature}, where the signature is the raw 64 bytes for Ed25519 (RFC 8709
 * section 6), {@code mpint r, mpint s} for ECDSA (RFC 5656 section 3.1.2) and the modulus-sized
 * RSASSA-PKCS1-v1_5 value for RSA (RFC 8332 section 3, RFC 4253 section 6.6). Thread-safe.
 */
final class Signatures {
    private Signatures() {
    }

    static boolean verify(SignatureAlgorithm alg, SshPublicKey key, byte[] data, byte[] signatureBlob) throws KeyFormatException {
        if (!key.keyType().equals(alg.keyType())) {
            throw new KeyFormatException(alg.wireName() + " cannot verify with a " + key.keyType() + " key");
        }
        String name;
        byte[] sig;
        try {
            WireReader r = new WireReader(signatureBlob);
            name = r.ascii();
            sig = r.string();
            r.expectEnd();
        } catch (ProtocolException e) {
            throw new KeyFormatException("malformed signature blob: " + e.getMessage(), e);
        }
        if (!name.equals(alg.wireName())) {
            return false;
        }
        PublicKey pub = key.jcaKey();
        switch (alg) {
            case SSH_ED25519:
                return sig.length == 64 && jcaVerify("Ed25519", pub, data, sig);
            case ECDSA_SHA2_NISTP256:
            case ECDSA_SHA2_NISTP384:
            case ECDSA_SHA2_NISTP521: {
                EcCurve curve = curveOf(alg);
                byte[] p1363 = EcdsaSignatureCodec.toP1363(curve, sig);
                return p1363 != null && jcaVerify(ecdsaAlgorithm(curve), pub, data, p1363);
            }
            default: {
                int modBytes = (((RSAPublicKey) pub).getModulus().bitLength() + 7) / 8;
                if (sig.length > modBytes) {
                    return false;
                }
                byte[] padded = sig;
                if (sig.length < modBytes) {
                    padded = new byte[modBytes];
                    System.arraycopy(sig, 0, padded, modBytes - sig.length, sig.length);
                }
                return jcaVerify(rsaAlgorithm(alg), pub, data, padded);
            }
        }
    }

    static byte[] sign(SignatureAlgorithm alg, PrivateKey key, byte[] data) throws KeyFormatException {
        byte[] sig;
        switch (alg) {
            case SSH_ED25519:
                if (!(key instanceof EdECPrivateKey ed) || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
                    throw wrongKey(alg, key);
                }
                sig = jcaSign("Ed25519", key, data);
                break;
            case ECDSA_SHA2_NISTP256:
            case ECDSA_SHA2_NISTP384:
            case ECDSA_SHA2_NISTP521: {
                EcCurve curve = curveOf(alg);
                if (!(key instanceof ECPrivateKey ec) || EcCurve.of(ec.getParams()).orElse(null) != curve) {
                    throw wrongKey(alg, key);
                }
                sig = EcdsaSignatureCodec.fromP1363(curve, jcaSign(ecdsaAlgorithm(curve), key, data));
                break;
            }
            default:
                if (!(key instanceof RSAPrivateKey)) {
                    throw wrongKey(alg, key);
                }
                sig = jcaSign(rsaAlgorithm(alg), key, data);
                break;
        }
        return new WireWriter(sig.length + 64).utf8(alg.wireName()).string(sig).toByteArray();
    }

    private static KeyFormatException wrongKey(SignatureAlgorithm alg, PrivateKey key) {
        return new KeyFormatException(alg.wireName() + " cannot sign with a " + key.getAlgorithm() + " private key");
    }

    private static EcCurve curveOf(SignatureAlgorithm alg) {
        return EcCurve.bySshName(alg.keyType().substring("ecdsa-sha2-".length())).orElseThrow();
    }

    private static String ecdsaAlgorithm(EcCurve curve) {
        return curve.digestAlgorithm().replace("-", "") + "withECDSAinP1363Format";
    }

    private static String rsaAlgorithm(SignatureAlgorithm alg) {
        switch (alg) {
            case RSA_SHA2_512: return "SHA512withRSA";
            case RSA_SHA2_256: return "SHA256withRSA";
            case SSH_RSA: return "SHA1withRSA";
            default: throw new IllegalArgumentException(alg.wireName());
        }
    }

    private static boolean jcaVerify(String algorithm, PublicKey key, byte[] data, byte[] sig) throws KeyFormatException {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(data);
            return s.verify(sig);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException(algorithm + " verification unavailable: " + e.getMessage(), e);
        }
    }

    private static byte[] jcaSign(String algorithm, PrivateKey key, byte[] data) throws KeyFormatException {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException(algorithm + " signing failed: " + e.getMessage(), e);
        }
    }
}
