package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Generates key pairs (host keys for server mode and tests; user keys for keygen later). Thread-safe. */
public final class SshKeyGenerator {
    /** RSA modulus size when none is given (as ssh-keygen). */
    public static final int DEFAULT_RSA_BITS = 3072;

    private SshKeyGenerator() {
    }

    /**
     * @param keyType ssh-ed25519, ecdsa-sha2-nistp256/384/521 or ssh-rsa
     * @param bits RSA modulus size (ignored for the others; 0 = default 3072)
     * @throws IllegalArgumentException for an unknown key type or an RSA size outside [1024, 16384]
     */
    public static SshKeyPair generate(String keyType, int bits) {
        try {
            KeyPair kp;
            SecureRandom random = new SecureRandom();
            if (keyType.equals(PublicKeys.SSH_ED25519)) {
                kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } else if (keyType.equals(PublicKeys.SSH_RSA)) {
                int size = bits == 0 ? DEFAULT_RSA_BITS : bits;
                if (size < PublicKeys.MIN_RSA_BITS || size > 16384) {
                    throw new IllegalArgumentException("RSA key size out of range: " + size);
                }
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(new RSAKeyGenParameterSpec(size, BigInteger.valueOf(65537)), random);
                kp = g.generateKeyPair();
            } else {
                EcCurve curve = keyType.startsWith("ecdsa-sha2-")
                        ? EcCurve.bySshName(keyType.substring("ecdsa-sha2-".length())).orElse(null) : null;
                if (curve == null) {
                    throw new IllegalArgumentException("unsupported key type " + keyType);
                }
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(curve.jcaName()), random);
                kp = g.generateKeyPair();
            }
            return new SshKeyPair(PublicKeys.fromJca(kp.getPublic()), kp.getPrivate());
        } catch (GeneralSecurityException | KeyFormatException e) {
            throw new IllegalStateException("key generation failed for " + keyType, e);
        }
    }
}
