package dev.skiff.ssh.agent;

import dev.skiff.ssh.AgentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Framing of agent messages (draft-miller-ssh-agent, "Protocol Messages"):
 * {@code uint32 length, byte[length] payload}, where the payload starts with the message type
 * byte. Lengths are checked against {@link #MAX_MESSAGE_BYTES} before anything is allocated, so a
 * peer announcing 4 GiB costs nothing. Pure and thread-safe.
 */
public final class AgentFrames {
    /** Largest payload accepted in either direction (as OpenSSH's agent limit of 256 KiB). */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private AgentFrames() {
    }

    /**
     * Checks an announced payload length.
     *
     * @return the length as an int in [1, {@link #MAX_MESSAGE_BYTES}]
     * @throws AgentException for 0 (no type byte) or anything above the limit
     */
    public static int checkLength(long length, String peer) throws AgentException {
        if (length < 1) {
            throw new AgentException(peer + " sent an empty agent message");
        }
        if (length > MAX_MESSAGE_BYTES) {
            throw new AgentException(peer + " announced an agent message of " + length
                    + " bytes (limit " + MAX_MESSAGE_BYTES + ")");
        }
        return (int) length;
    }

    /** Big-endian uint32 from the first four bytes of {@code header}. */
    static long uint32(byte[] header) {
        return ((header[0] & 0xffL) << 24) | ((header[1] & 0xffL) << 16) | ((header[2] & 0xffL) << 8) | (header[3] & 0xffL);
    }

    /** {@code uint32 length || payload}. */
    public static byte[] frame(byte[] payload) {
        if (payload.length < 1 || payload.length > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("agent payload length " + payload.length + " out of range");
        }
        byte[] out = new byte[4 + payload.length];
        int n = payload.length;
        out[0] = (byte) (n >>> 24);
        out[1] = (byte) (n >>> 16);
        out[2] = (byte) (n >>> 8);
        out[3] = (byte) n;
        System.arraycopy(payload, 0, out, 4, n);
        return out;
    }

    /** Writes one framed payload and flushes. */
    public static void write(OutputStream out, byte[] payload) throws IOException {
        out.write(frame(payload));
        out.flush();
    }

    /**
     * Reads one framed payload from a blocking stream.
     *
     * @param peer names the other side in error messages, e.g. "forwarding channel"
     * @return the payload, or {@code null} on end of stream before the first byte of a frame
     * @throws AgentException for an oversized or empty frame, or end of stream inside a frame
     * @throws IOException from the stream itself
     */
    public static byte[] read(InputStream in, String peer) throws IOException {
        byte[] header = in.readNBytes(4);
        if (header.length == 0) {
            return null;
        }
        if (header.length < 4) {
            throw new AgentException(peer + " closed the stream inside an agent message header");
        }
        int length = checkLength(uint32(header), peer);
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new AgentException(peer + " closed the stream after " + payload.length + " of "
                    + length + " bytes of an agent message");
        }
        return payload;
    }
}
