package dev.skiff.ssh.transport.crypto;

import java.util.Optional;

/** Ciphers by wire name (RFC 4344, RFC 5647 as in OpenSSH, PROTOCOL.chacha20poly1305). */
public enum CipherAlgorithm {
    CHACHA20_POLY1305("chacha20-poly1305@openssh.com", 64, 0, 8, 16),
    AES128_GCM("aes128-gcm@openssh.com", 16, 12, 16, 16),
    AES256_GCM("aes256-gcm@openssh.com", 32, 12, 16, 16),
    AES128_CTR("aes128-ctr", 16, 16, 16, 0),
    AES192_CTR("aes192-ctr", 24, 16, 16, 0),
    AES256_CTR("aes256-ctr", 32, 16, 16, 0);

    private final String wireName;
    private final int keyLength;
    private final int ivLength;
    private final int blockSize;
    private final int tagLength;

    CipherAlgorithm(String wireName, int keyLength, int ivLength, int blockSize, int tagLength) {
        this.wireName = wireName;
        this.keyLength = keyLength;
        this.ivLength = ivLength;
        this.blockSize = blockSize;
        this.tagLength = tagLength;
    }

    public String wireName() {
        return wireName;
    }

    public int keyLength() {
        return keyLength;
    }

    public int ivLength() {
        return ivLength;
    }

    public int blockSize() {
        return blockSize;
    }

    /** AEAD ciphers carry their own integrity; the negotiated MAC is ignored for them. */
    public boolean isAead() {
        return tagLength > 0;
    }

    public int tagLength() {
        return tagLength;
    }

    /** Bytes of data this cipher may protect under one key before a rekey (RFC 4344 section 3.2). */
    public long rekeyByteLimit() {
        return blockSize >= 16 ? (1L << 32) * blockSize : 1L << 30;
    }

    public static Optional<CipherAlgorithm> byName(String name) {
        for (CipherAlgorithm a : values()) {
            if (a.wireName.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
