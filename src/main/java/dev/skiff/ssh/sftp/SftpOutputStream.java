package dev.skiff.ssh.sftp;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.sftp.packet.SftpPacket;
import dev.skiff.ssh.sftp.packet.Write;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Sequential writes to a remote file with write-behind: WRITE requests are sent as chunks fill
 * and their STATUS replies are collected later, keeping as many in flight as the
 * {@link FlowWindow} allows. A failed write is reported by a later {@code write}, {@link #flush}
 * or {@link #close}. Each chunk is built directly in its packet buffer (one copy from the caller's
 * array, none from a file channel: {@link #transferFrom}). One thread uses a stream at a time.
 */
public final class SftpOutputStream extends OutputStream {
    private record Pending(int length, long sentNanos, CompletableFuture<SftpPacket.WithId> reply) {
    }

    private final SftpFile file;
    private final int chunk;
    private final FlowWindow window;
    private final boolean closeFile;
    private final int header;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long inFlightBytes;
    private long offset;
    private byte[] frame;
    private int filled;
    private boolean closed;

    public SftpOutputStream(SftpFile file, long offset, int chunk, FlowWindow window, boolean closeFile) {
        this.file = file;
        this.offset = offset;
        this.chunk = chunk;
        this.window = window;
        this.closeFile = closeFile;
        this.header = Write.headerLength(file.handle().length);
    }

    /** The remote offset the next byte goes to. */
    public long position() {
        return offset + filled;
    }

    private byte[] frame() {
        if (frame == null) {
            frame = new byte[header + chunk];
            filled = 0;
        }
        return frame;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        while (len > 0) {
            byte[] f = frame();
            int n = Math.min(len, chunk - filled);
            System.arraycopy(b, off, f, header + filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == chunk) {
                sendFrame();
            }
        }
    }

    /**
     * Copies up to {@code max} bytes from {@code src} straight into WRITE packets; returns the
     * bytes copied (fewer only at the source's end).
     */
    public long transferFrom(ReadableByteChannel src, long max) throws IOException {
        ensureOpen();
        long total = 0;
        while (total < max) {
            byte[] f = frame();
            int room = (int) Math.min(chunk - filled, max - total);
            int n = src.read(ByteBuffer.wrap(f, header + filled, room));
            if (n < 0) {
                break;
            }
            filled += n;
            total += n;
            if (filled == chunk) {
                sendFrame();
            }
        }
        return total;
    }

    private void sendFrame() throws SshException {
        if (filled == 0) {
            return;
        }
        while (!window.allows(inFlightBytes, queue.size())) {
            collectOne();
        }
        byte[] f = filled == chunk ? frame : java.util.Arrays.copyOf(frame, header + filled);
        queue.add(new Pending(filled, System.nanoTime(), file.writeFrameAsync(offset, f, filled)));
        inFlightBytes += filled;
        offset += filled;
        frame = null;
        filled = 0;
    }

    private void collectOne() throws SshException {
        Pending p = queue.poll();
        inFlightBytes -= p.length();
        file.checkWrite(p.reply());
        window.onReply(System.nanoTime() - p.sentNanos());
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }

    /** Sends the partial chunk and waits until every write is acknowledged. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        sendFrame();
        while (!queue.isEmpty()) {
            collectOne();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            queue.clear();
            if (closeFile) {
                file.close();
            }
        }
    }
}
