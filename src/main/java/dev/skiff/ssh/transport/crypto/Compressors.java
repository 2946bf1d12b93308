package dev.skiff.ssh.transport.crypto;

/** Factory for zlib streams (java.util.zip with sync flush). */
final class Compressors {
    private Compressors() {
    }

    /** A new zlib stream pair for one direction (RFC 4253 section 6.2); see {@link ZlibCompressor}. */
    static Compressor zlib() {
        return new ZlibCompressor();
    }
}
