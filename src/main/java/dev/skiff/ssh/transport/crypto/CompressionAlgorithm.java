package dev.skiff.ssh.transport.crypto;

import java.util.Optional;

/** Compression by wire name: none, zlib (RFC 4253 6.2), zlib@openssh.com (delayed until user auth succeeds). */
public enum CompressionAlgorithm {
    NONE("none"),
    ZLIB_OPENSSH("zlib@openssh.com"),
    ZLIB("zlib");

    private final String wireName;

    CompressionAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** zlib@openssh.com starts only after USERAUTH_SUCCESS. */
    public boolean isDelayed() {
        return this == ZLIB_OPENSSH;
    }

    /** A new compression stream, or null for none. */
    public Compressor newCompressor() {
        return this == NONE ? null : Compressors.zlib();
    }

    public static Optional<CompressionAlgorithm> byName(String name) {
        for (CompressionAlgorithm a : values()) {
            if (a.wireName.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
