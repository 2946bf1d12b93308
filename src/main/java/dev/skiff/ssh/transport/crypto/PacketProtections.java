package dev.skiff.ssh.transport.crypto;

import java.util.Objects;

/** Creates {@link PacketProtection}s for negotiated algorithms and derived keys. */
public final class PacketProtections {
    private PacketProtections() {
    }

    /** Before the first NEWKEYS: no encryption, no MAC, block size 8. */
    public static PacketProtection none() {
        return NoProtection.INSTANCE;
    }

    /**
     * Creates one direction's protection. The key arrays are copied; the caller wipes its own.
     *
     * @param mac ignored (may be null) for AEAD ciphers
     * @param key cipher key, {@code cipher.keyLength()} bytes
     * @param iv initial IV, {@code cipher.ivLength()} bytes (empty for chacha20-poly1305)
     * @param macKey {@code mac.keyLength()} bytes, or null for AEAD
     * @param encrypt true for the sending direction
     * @throws IllegalArgumentException if a key or IV has the wrong length, or a non-AEAD cipher
     *     comes without a MAC
     */
    public static PacketProtection create(CipherAlgorithm cipher, MacAlgorithm mac, byte[] key, byte[] iv,
            byte[] macKey, boolean encrypt) {
        Objects.requireNonNull(cipher, "cipher");
        requireLength("key", key, cipher.keyLength(), cipher);
        switch (cipher) {
            case CHACHA20_POLY1305:
                if (iv != null && iv.length != 0) {
                    throw new IllegalArgumentException(cipher.wireName() + " takes no IV, got " + iv.length + " bytes");
                }
                return new ChaChaPolyProtection(key);
            case AES128_GCM:
            case AES256_GCM:
                requireLength("IV", iv, cipher.ivLength(), cipher);
                return new AesGcmProtection(key, iv, encrypt);
            case AES128_CTR:
            case AES192_CTR:
            case AES256_CTR:
                requireLength("IV", iv, cipher.ivLength(), cipher);
                if (mac == null) {
                    throw new IllegalArgumentException(cipher.wireName() + " needs a MAC");
                }
                if (macKey == null || macKey.length != mac.keyLength()) {
                    throw new IllegalArgumentException(mac.wireName() + " needs a " + mac.keyLength()
                            + "-byte key, got " + (macKey == null ? "none" : macKey.length + " bytes"));
                }
                return mac.isEncryptThenMac()
                        ? new EtmProtection(key, iv, mac, macKey, encrypt)
                        : new CipherMacProtection(key, iv, mac, macKey, encrypt);
            default:
                throw new IllegalArgumentException("unsupported cipher " + cipher.wireName());
        }
    }

    private static void requireLength(String what, byte[] value, int expected, CipherAlgorithm cipher) {
        if (value == null || value.length != expected) {
            throw new IllegalArgumentException(cipher.wireName() + " needs a " + expected + "-byte " + what
                    + ", got " + (value == null ? "none" : value.length + " bytes"));
        }
    }
}
