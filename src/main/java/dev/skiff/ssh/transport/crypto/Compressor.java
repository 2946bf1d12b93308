package dev.skiff.ssh.transport.crypto;

import dev.skiff.ssh.ProtocolException;

/**
 * One direction of payload compression (RFC 4253 section 6.2): a stream that persists across
 * packets. "none" is represented by {@code null} at the codec, not by an instance.
 */
public interface Compressor {
    /** Compresses {@code payload[off, off+len)} and returns the compressed bytes (sync-flushed). */
    byte[] compress(byte[] payload, int off, int len);

    /**
     * Decompresses one packet's payload. Output larger than {@code maxOutput} is a
     * {@link ProtocolException} with reason COMPRESSION_ERROR (no unbounded inflation).
     */
    byte[] decompress(byte[] data, int off, int len, int maxOutput) throws ProtocolException;

    void close();
}
