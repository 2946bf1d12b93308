package dev.skiff.app.sessions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The on-disk form of the vault ({@code vault.json}): Argon2id parameters, salt, AES-256-GCM nonce
 * and ciphertext, all Base64. Holds nothing secret in plain text.
 *
 * @param version format version
 * @param kdf always {@code argon2id}
 * @param memoryKiB Argon2 memory cost
 * @param iterations Argon2 time cost
 * @param parallelism Argon2 lanes
 * @param salt KDF salt
 * @param nonce GCM nonce (fresh for every write)
 * @param ciphertext the encrypted secrets with the GCM tag
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VaultFile(int version, String kdf, int memoryKiB, int iterations, int parallelism, String salt, String nonce,
        String ciphertext) {

    static final int CURRENT_VERSION = 1;

    /** The header fields as GCM associated data, so they cannot be altered unnoticed. */
    byte[] associatedData() {
        return ("skiff-vault|" + version + "|" + kdf + "|" + memoryKiB + "|" + iterations + "|" + parallelism + "|"
                + salt).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
