package dev.skiff.ssh.transport.crypto;

/** Creates {@link PacketProtection}s for negotiated algorithms and derived keys. */
public final class PacketProtections {
    private PacketProtections() {
    }

    /** Before the first NEWKEYS: no encryption, no MAC, block size 8. */
    public static PacketProtection none() {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param mac ignored (may be null) for AEAD ciphers
     * @param key cipher key, {@code cipher.keyLength()} bytes
     * @param iv initial IV, {@code cipher.ivLength()} bytes (empty for chacha20-poly1305)
     * @param macKey {@code mac.keyLength()} bytes, or null for AEAD
     * @param encrypt true for the sending direction
     */
    public static PacketProtection create(CipherAlgorithm cipher, MacAlgorithm mac, byte[] key, byte[] iv,
            byte[] macKey, boolean encrypt) {
        throw new UnsupportedOperationException("TODO");
    }
}
