package dev.skiff.ssh.keys;

/** Generates key pairs (host keys for server mode and tests; user keys for keygen later). */
public final class SshKeyGenerator {
    private SshKeyGenerator() {
    }

    /**
     * @param keyType ssh-ed25519, ecdsa-sha2-nistp256/384/521 or ssh-rsa
     * @param bits RSA modulus size (ignored for the others; 0 = default 3072)
     */
    public static SshKeyPair generate(String keyType, int bits) {
        throw new UnsupportedOperationException("TODO");
    }
}
