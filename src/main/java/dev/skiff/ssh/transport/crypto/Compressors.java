package dev.skiff.ssh.transport.crypto;

/** Factory for zlib streams (java.util.zip with sync flush). */
final class Compressors {
    private Compressors() {
    }

    static Compressor zlib() {
        throw new UnsupportedOperationException("TODO");
    }
}
