package dev.skiff.ssh.keys;

import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ciphers for the private section of openssh-key-v1 files (OpenSSH {@code PROTOCOL.key}), by wire
 * name, with the key and IV sizes the KDF must produce. AES runs through JCA (no padding: the
 * section is padded by the format); AEAD ciphers append a 16-byte tag after the ciphertext.
 */
enum KeyFileCipher {
    NONE("none", 0, 0, 8, 0),
    AES128_CTR("aes128-ctr", 16, 16, 16, 0),
    AES192_CTR("aes192-ctr", 24, 16, 16, 0),
    AES256_CTR("aes256-ctr", 32, 16, 16, 0),
    AES128_CBC("aes128-cbc", 16, 16, 16, 0),
    AES192_CBC("aes192-cbc", 24, 16, 16, 0),
    AES256_CBC("aes256-cbc", 32, 16, 16, 0),
    AES128_GCM("aes128-gcm@openssh.com", 16, 12, 16, 16),
    AES256_GCM("aes256-gcm@openssh.com", 32, 12, 16, 16),
    CHACHA20_POLY1305("chacha20-poly1305@openssh.com", KeyFileChaChaPoly.KEY_BYTES, 0, 8, KeyFileChaChaPoly.TAG_BYTES);

    private final String wireName;
    private final int keyBytes;
    private final int ivBytes;
    private final int blockSize;
    private final int tagBytes;

    KeyFileCipher(String wireName, int keyBytes, int ivBytes, int blockSize, int tagBytes) {
        this.wireName = wireName;
        this.keyBytes = keyBytes;
        this.ivBytes = ivBytes;
        this.blockSize = blockSize;
        this.tagBytes = tagBytes;
    }

    String wireName() {
        return wireName;
    }

    int keyBytes() {
        return keyBytes;
    }

    int ivBytes() {
        return ivBytes;
    }

    /** The private section is padded to a multiple of this. */
    int blockSize() {
        return blockSize;
    }

    /** Authentication tag length after the ciphertext (0 for non-AEAD ciphers). */
    int tagBytes() {
        return tagBytes;
    }

    static Optional<KeyFileCipher> byName(String name) {
        for (KeyFileCipher c : values()) {
            if (c.wireName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Encrypts; for AEAD ciphers the result is ciphertext followed by the tag.
     *
     * @param keyIv {@code keyBytes() + ivBytes()} bytes from the KDF
     */
    byte[] encrypt(byte[] keyIv, byte[] plain) {
        try {
            return this == CHACHA20_POLY1305 ? KeyFileChaChaPoly.encrypt(keyIv, plain) : jca(Cipher.ENCRYPT_MODE, keyIv).doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(wireName + " encryption failed", e);
        }
    }

    /**
     * Decrypts ciphertext (followed by the tag for AEAD ciphers).
     *
     * @return the plaintext, or null when the AEAD tag does not match (wrong passphrase)
     */
    byte[] decrypt(byte[] keyIv, byte[] data) {
        if (this == CHACHA20_POLY1305) {
            return KeyFileChaChaPoly.decrypt(keyIv, data);
        }
        try {
            return jca(Cipher.DECRYPT_MODE, keyIv).doFinal(data);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(wireName + " decryption failed", e);
        }
    }

    private Cipher jca(int mode, byte[] keyIv) throws GeneralSecurityException {
        if (keyIv.length != keyBytes + ivBytes) {
            throw new IllegalArgumentException("key material must be " + (keyBytes + ivBytes) + " bytes");
        }
        SecretKeySpec key = new SecretKeySpec(keyIv, 0, keyBytes, "AES");
        String name = wireName.substring("aesNNN-".length(), "aesNNN-ctr".length()).toUpperCase(java.util.Locale.ROOT);
        if (name.equals("GCM")) {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(tagBytes * 8, keyIv, keyBytes, ivBytes));
            return c;
        }
        Cipher c = Cipher.getInstance("AES/" + name + "/NoPadding");
        c.init(mode, key, new IvParameterSpec(keyIv, keyBytes, ivBytes));
        return c;
    }
}
