package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.ProtocolException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMExtractor;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMKeyPairGenerator;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPublicKeyParameters;

/**
 * ML-KEM-768 (FIPS 203) through BouncyCastle: 1184-byte encapsulation keys, 1088-byte ciphertexts,
 * 32-byte secrets. Encapsulation keys get the FIPS 203 section 7.2 modulus check (every 12-bit
 * coefficient below q = 3329), as OpenSSH does before encapsulating.
 */
final class MlKem768 implements Kem {
    static final int PUBLIC_KEY_BYTES = 1184;
    static final int CIPHERTEXT_BYTES = 1088;
    private static final int Q = 3329;
    private static final int POLY_VECTOR_BYTES = 1152;

    private MLKEMPrivateKeyParameters privateKey;

    @Override
    public int publicKeyBytes() {
        return PUBLIC_KEY_BYTES;
    }

    @Override
    public int ciphertextBytes() {
        return CIPHERTEXT_BYTES;
    }

    @Override
    public byte[] generate(SecureRandom random) {
        MLKEMKeyPairGenerator g = new MLKEMKeyPairGenerator();
        g.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_768));
        AsymmetricCipherKeyPair kp = g.generateKeyPair();
        privateKey = (MLKEMPrivateKeyParameters) kp.getPrivate();
        return ((MLKEMPublicKeyParameters) kp.getPublic()).getEncoded();
    }

    @Override
    public Encapsulation encapsulate(byte[] publicKey, SecureRandom random) throws ProtocolException {
        if (publicKey.length != PUBLIC_KEY_BYTES || !coefficientsReduced(publicKey)) {
            throw EncodedSecret.failed("invalid ML-KEM-768 encapsulation key");
        }
        try {
            SecretWithEncapsulation s = new MLKEMGenerator(random)
                    .generateEncapsulated(new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, publicKey));
            return new Encapsulation(s.getEncapsulation(), s.getSecret());
        } catch (RuntimeException e) {
            throw EncodedSecret.failed("ML-KEM-768 encapsulation failed", e);
        }
    }

    /** FIPS 203 section 7.2: ByteEncode12(ByteDecode12(ek)) == ek, i.e. no coefficient is &ge; q. */
    static boolean coefficientsReduced(byte[] ek) {
        boolean ok = true;
        for (int i = 0; i < POLY_VECTOR_BYTES; i += 3) {
            int b0 = ek[i] & 0xff;
            int b1 = ek[i + 1] & 0xff;
            int b2 = ek[i + 2] & 0xff;
            int c0 = b0 | ((b1 & 0x0f) << 8);
            int c1 = (b1 >> 4) | (b2 << 4);
            ok &= c0 < Q & c1 < Q;
        }
        return ok;
    }

    @Override
    public byte[] decapsulate(byte[] ciphertext) throws ProtocolException {
        if (privateKey == null) {
            throw new IllegalStateException("no ML-KEM key pair");
        }
        if (ciphertext.length != CIPHERTEXT_BYTES) {
            throw EncodedSecret.failed("ML-KEM-768 ciphertext must be " + CIPHERTEXT_BYTES + " bytes");
        }
        try {
            return new MLKEMExtractor(privateKey).extractSecret(ciphertext);
        } catch (RuntimeException e) {
            throw EncodedSecret.failed("ML-KEM-768 decapsulation failed", e);
        }
    }

    @Override
    public void destroy() {
        // BouncyCastle keeps the key material internally; drop the reference
        privateKey = null;
    }
}
