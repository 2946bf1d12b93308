package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.ProtocolException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMExtractor;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePrivateKeyParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePublicKeyParameters;

/**
 * Streamlined NTRU Prime sntrup761 through BouncyCastle: 1158-byte public keys, 1039-byte
 * ciphertexts, 32-byte secrets (as OpenSSH's crypto_kem_sntrup761_*). Decapsulation uses implicit
 * rejection, so a bad ciphertext gives a random secret and the exchange fails later.
 */
final class Sntrup761 implements Kem {
    static final int PUBLIC_KEY_BYTES = 1158;
    static final int CIPHERTEXT_BYTES = 1039;
    static final int SECRET_BYTES = 32;

    private SNTRUPrimePrivateKeyParameters privateKey;

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
        AsymmetricCipherKeyPair kp = Sntrup761KeyPool.take(random);
        privateKey = (SNTRUPrimePrivateKeyParameters) kp.getPrivate();
        return ((SNTRUPrimePublicKeyParameters) kp.getPublic()).getEncoded();
    }

    @Override
    public Encapsulation encapsulate(byte[] publicKey, SecureRandom random) throws ProtocolException {
        if (publicKey.length != PUBLIC_KEY_BYTES) {
            throw EncodedSecret.failed("sntrup761 public key must be " + PUBLIC_KEY_BYTES + " bytes");
        }
        try {
            SecretWithEncapsulation s = new SNTRUPrimeKEMGenerator(random)
                    .generateEncapsulated(new SNTRUPrimePublicKeyParameters(SNTRUPrimeParameters.sntrup761, publicKey));
            return new Encapsulation(s.getEncapsulation(), checkedSecret(s.getSecret()));
        } catch (RuntimeException e) {
            throw EncodedSecret.failed("sntrup761 encapsulation failed", e);
        }
    }

    @Override
    public byte[] decapsulate(byte[] ciphertext) throws ProtocolException {
        if (privateKey == null) {
            throw new IllegalStateException("no sntrup761 key pair");
        }
        if (ciphertext.length != CIPHERTEXT_BYTES) {
            throw EncodedSecret.failed("sntrup761 ciphertext must be " + CIPHERTEXT_BYTES + " bytes");
        }
        try {
            return checkedSecret(new SNTRUPrimeKEMExtractor(privateKey).extractSecret(ciphertext));
        } catch (RuntimeException e) {
            throw EncodedSecret.failed("sntrup761 decapsulation failed", e);
        }
    }

    /** Older BouncyCastle releases truncated the secret to 16 bytes; OpenSSH uses 32. */
    private static byte[] checkedSecret(byte[] secret) {
        if (secret.length != SECRET_BYTES) {
            throw new IllegalStateException("sntrup761 secret has " + secret.length + " bytes, OpenSSH needs 32");
        }
        return secret;
    }

    @Override
    public void destroy() {
        // BouncyCastle keeps the key material internally; drop the reference
        privateKey = null;
    }
}
