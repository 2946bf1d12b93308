package dev.skiff.ssh.transport.crypto;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * "zlib" payload compression (RFC 4253 section 6.2; RFC 1950 framing around RFC 1951 deflate).
 *
 * <p>One deflate stream and one inflate stream live as long as the key set: each packet is
 * compressed with {@link Deflater#SYNC_FLUSH} so the peer can decompress it at once (OpenSSH uses
 * Z_PARTIAL_FLUSH; both end on a byte boundary the inflater accepts). Decompression stops with
 * COMPRESSION_ERROR as soon as the output would exceed the caller's limit, so a small packet
 * cannot inflate into an unbounded buffer. Each stream is created on first use: a codec direction
 * only ever uses one of them.
 */
final class ZlibCompressor implements Compressor {
    private static final int MIN_BUFFER = 256;

    private Deflater deflater;
    private Inflater inflater;

    @Override
    public byte[] compress(byte[] payload, int off, int len) {
        if (deflater == null) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, false);
        }
        deflater.setInput(payload, off, len);
        byte[] out = new byte[len + (len >>> 3) + 64];
        int pos = 0;
        while (true) {
            pos += deflater.deflate(out, pos, out.length - pos, Deflater.SYNC_FLUSH);
            if (pos < out.length) {
                return Arrays.copyOf(out, pos); // the flush completed with room to spare
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
    }

    @Override
    public byte[] decompress(byte[] data, int off, int len, int maxOutput) throws ProtocolException {
        if (inflater == null) {
            inflater = new Inflater(false);
        }
        inflater.setInput(data, off, len);
        long cap = Math.min(maxOutput + 1L, Integer.MAX_VALUE - 8);
        byte[] out = new byte[(int) Math.min(Math.max(MIN_BUFFER, 4L * len), cap)];
        int pos = 0;
        try {
            while (true) {
                if (pos == out.length) {
                    if (out.length >= cap) {
                        throw error("Decompressed packet exceeds " + maxOutput + " bytes");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(2L * out.length, cap));
                }
                int before = inflater.getRemaining();
                int n = inflater.inflate(out, pos, out.length - pos);
                pos += n;
                if (pos > maxOutput) {
                    throw error("Decompressed packet exceeds " + maxOutput + " bytes");
                }
                if (inflater.finished() || inflater.needsDictionary()) {
                    throw error("Compressed stream ended or asked for a dictionary");
                }
                if (pos < out.length && inflater.needsInput()) {
                    return Arrays.copyOf(out, pos);
                }
                if (n == 0 && pos < out.length && inflater.getRemaining() == before) {
                    throw error("Compressed stream makes no progress");
                }
            }
        } catch (DataFormatException e) {
            throw new ProtocolException(DisconnectReason.COMPRESSION_ERROR, "Corrupt compressed data: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (deflater != null) {
            deflater.end();
        }
        if (inflater != null) {
            inflater.end();
        }
    }

    private static ProtocolException error(String message) {
        return new ProtocolException(DisconnectReason.COMPRESSION_ERROR, message);
    }
}
