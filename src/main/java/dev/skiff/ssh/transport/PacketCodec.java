package dev.skiff.ssh.transport;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.PeerDisconnectedException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.transport.crypto.Compressor;
import dev.skiff.ssh.transport.crypto.PacketProtection;
import dev.skiff.ssh.transport.crypto.PacketProtections;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Binary packet protocol, RFC 4253 section 6: {@code uint32 packet_length, byte padding_length,
 * payload, random padding, mac}. The send side is used under the transport's send lock; the
 * receive side only by the reader thread. Keys are switched at NEWKEYS by the KEX driver.
 */
public final class PacketCodec {
    /** Largest packet_length accepted or produced (DESIGN.md: 256 KiB). */
    public static final int MAX_PACKET = 256 * 1024;
    /** Largest uncompressed payload. */
    public static final int MAX_PAYLOAD = MAX_PACKET - 64;

    private final InputStream in;
    private final OutputStream out;
    private final SplittableRandom padding = new SplittableRandom(new SecureRandom().nextLong());
    private final byte[] head = new byte[64];
    private byte[] sendBuf = new byte[64 * 1024];

    private PacketProtection sendProtection = PacketProtections.none();
    private PacketProtection recvProtection = PacketProtections.none();
    private Compressor sendCompressor;
    private Compressor recvCompressor;
    private int sendSeq;
    private int recvSeq;
    private int lastRecvSeq;
    private volatile long bytesSent;
    private volatile long bytesReceived;
    private volatile long packetsSent;
    private volatile long packetsReceived;

    /** Largest inbound packet_length accepted right now; servers lower it before authentication. */
    private volatile int inboundLimit = MAX_PACKET;

    /** Sets the largest inbound packet_length accepted from now on (at most {@link #MAX_PACKET}). */
    public void setInboundLimit(int bytes) {
        if (bytes < 1024 || bytes > MAX_PACKET) {
            throw new IllegalArgumentException("bad inbound packet limit " + bytes);
        }
        inboundLimit = bytes;
    }

    public PacketCodec(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** Writes a payload into a packet buffer at an offset (zero-copy sends of channel data). */
    @FunctionalInterface
    public interface PayloadFiller {
        void fill(byte[] dst, int off);
    }

    /** A received payload: {@code buf[off, off+len)}; the array is fresh and owned by the receiver. */
    public record Payload(byte[] buf, int off, int len) {
        public int id() {
            return buf[off] & 0xff;
        }

        public byte[] copy() {
            return java.util.Arrays.copyOfRange(buf, off, off + len);
        }
    }

    /** Encodes, protects and writes one packet, then flushes. Caller holds the send lock. */
    public void write(byte[] payload, int off, int len) throws IOException {
        write(len, (dst, at) -> System.arraycopy(payload, off, dst, at, len));
    }

    /**
     * Encodes a payload of {@code len} bytes written by {@code filler} straight into the packet
     * buffer (reused across packets), protects and writes it. Caller holds the send lock.
     */
    public void write(int len, PayloadFiller filler) throws IOException {
        if (sendCompressor != null) {
            byte[] plain = new byte[len];
            filler.fill(plain, 0);
            byte[] compressed = sendCompressor.compress(plain, 0, len);
            len = compressed.length;
            byte[] c = compressed;
            filler = (dst, at) -> System.arraycopy(c, 0, dst, at, c.length);
        }
        PacketProtection p = sendProtection;
        int bs = Math.max(8, p.blockSize());
        int aligned = (p.lengthExcludedFromAlignment() ? 1 : 5) + len;
        int pad = bs - (aligned % bs);
        if (pad < 4) {
            pad += bs;
        }
        int packetLength = 1 + len + pad;
        int total = 4 + packetLength;
        if (packetLength > MAX_PACKET) {
            throw new IllegalArgumentException("payload too large: " + len);
        }
        int size = total + p.macLength();
        if (sendBuf.length < size) {
            sendBuf = new byte[Math.max(size, Math.min(2 * sendBuf.length, MAX_PACKET + 256))];
        }
        byte[] buf = sendBuf;
        buf[0] = (byte) (packetLength >>> 24);
        buf[1] = (byte) (packetLength >>> 16);
        buf[2] = (byte) (packetLength >>> 8);
        buf[3] = (byte) packetLength;
        buf[4] = (byte) pad;
        filler.fill(buf, 5);
        for (int i = 5 + len; i < total; i += 8) {
            long r = padding.nextLong();
            for (int j = 0; j < 8 && i + j < total; j++) {
                buf[i + j] = (byte) (r >>> (8 * j));
            }
        }
        p.seal(sendSeq, buf, 0, total);
        out.write(buf, 0, size);
        out.flush();
        sendSeq++;
        bytesSent += size;
        packetsSent++;
    }

    /** Reads, authenticates and decodes one packet; returns a copy of its payload. Reader thread only. */
    public byte[] read() throws IOException {
        Payload v = readPayload();
        return v.off() == 0 && v.len() == v.buf().length ? v.buf() : v.copy();
    }

    /**
     * Reads, authenticates and decodes one packet; returns its payload in place in a fresh array
     * (no copy). Reader thread only.
     */
    public Payload readPayload() throws IOException {
        PacketProtection p = recvProtection;
        int first = p.firstBlockLength();
        readFully(head, 0, first, true);
        int seq = recvSeq;
        int packetLength = p.packetLength(seq, head, 0);
        int bs = Math.max(8, p.blockSize());
        if (Integer.compareUnsigned(packetLength, inboundLimit) > 0 || packetLength < 5) {
            throw new ProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "bad packet length " + Integer.toUnsignedString(packetLength));
        }
        int aligned = p.lengthExcludedFromAlignment() ? packetLength : packetLength + 4;
        if (aligned % bs != 0) {
            throw new ProtocolException(DisconnectReason.PROTOCOL_ERROR,
                    "packet length " + packetLength + " is not a multiple of the block size " + bs);
        }
        int total = 4 + packetLength + p.macLength();
        if (total < first) {
            throw new ProtocolException("bad packet length " + packetLength);
        }
        byte[] buf = new byte[total];
        System.arraycopy(head, 0, buf, 0, first);
        readFully(buf, first, total - first, false);
        p.open(seq, buf, 0, packetLength);
        int pad = buf[4] & 0xff;
        if (pad < 4 || pad > packetLength - 1) {
            throw new ProtocolException(DisconnectReason.PROTOCOL_ERROR, "bad padding length " + pad);
        }
        int payloadLength = packetLength - 1 - pad;
        lastRecvSeq = seq;
        recvSeq++;
        bytesReceived += total;
        packetsReceived++;
        if (recvCompressor != null) {
            byte[] d = recvCompressor.decompress(buf, 5, payloadLength, MAX_PAYLOAD);
            if (d.length == 0) {
                throw new ProtocolException("empty packet payload");
            }
            return new Payload(d, 0, d.length);
        }
        if (payloadLength == 0) {
            throw new ProtocolException("empty packet payload");
        }
        return new Payload(buf, 5, payloadLength);
    }

    private void readFully(byte[] b, int off, int len, boolean atBoundary) throws IOException {
        int done = 0;
        while (done < len) {
            int n;
            try {
                n = in.read(b, off + done, len - done);
            } catch (EOFException e) {
                n = -1;
            }
            if (n < 0) {
                if (atBoundary && done == 0) {
                    throw new PeerDisconnectedException(DisconnectReason.CONNECTION_LOST, "connection closed by peer");
                }
                throw new PeerDisconnectedException(DisconnectReason.CONNECTION_LOST,
                        "connection closed by peer in the middle of a packet");
            }
            done += n;
        }
    }

    /**
     * Switches the sending keys (after we send NEWKEYS); a fresh compression stream (or none)
     * starts with them, as in OpenSSH. Resets the sequence number under strict KEX.
     */
    void switchSend(PacketProtection p, Compressor c, boolean resetSeq) {
        PacketProtection old = sendProtection;
        sendProtection = p;
        closeQuietly(sendCompressor);
        sendCompressor = c;
        if (resetSeq) {
            sendSeq = 0;
        }
        old.destroy();
    }

    /** Switches the receiving keys (after we receive NEWKEYS). */
    void switchReceive(PacketProtection p, Compressor c, boolean resetSeq) {
        PacketProtection old = recvProtection;
        recvProtection = p;
        closeQuietly(recvCompressor);
        recvCompressor = c;
        if (resetSeq) {
            recvSeq = 0;
        }
        old.destroy();
    }

    private static void closeQuietly(Compressor c) {
        if (c != null) {
            c.close();
        }
    }

    /** Starts delayed compression (zlib@openssh.com) in both directions. */
    void enableCompression(Compressor send, Compressor receive) {
        sendCompressor = send;
        recvCompressor = receive;
    }

    public int lastReceivedSequence() {
        return lastRecvSeq;
    }

    int sendSequence() {
        return sendSeq;
    }

    int receiveSequence() {
        return recvSeq;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    public long packetsSent() {
        return packetsSent;
    }

    public long packetsReceived() {
        return packetsReceived;
    }

    void flush() throws TransportException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new TransportException("write failed: " + e.getMessage(), e);
        }
    }
}
