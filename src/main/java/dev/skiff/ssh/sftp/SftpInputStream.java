package dev.skiff.ssh.sftp;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.sftp.packet.Data;
import dev.skiff.ssh.sftp.packet.SftpPacket;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Sequential reads of a remote file with read-ahead: READ requests for the following chunks stay
 * in flight (as many as the {@link FlowWindow} allows) while the caller consumes earlier ones.
 * Replies are consumed in offset order; a short reply (fewer bytes than asked, before EOF) is
 * followed at once by a request for the gap, put first in line. Data reaches the caller as views
 * of the received packets ({@link #nextBuffer}), so nothing is copied in between.
 * One thread uses a stream at a time.
 */
public final class SftpInputStream extends InputStream {
    private record Pending(long offset, int length, long sentNanos, CompletableFuture<SftpPacket.WithId> reply) {
    }

    private final SftpFile file;
    private final int chunk;
    private final FlowWindow window;
    private final boolean closeFile;
    private final long end;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long nextOffset;
    private long inFlightBytes;
    private long position;
    private boolean eof;
    private ByteBuffer current;
    private boolean closed;

    /**
     * @param limit bytes to read from {@code offset}, or -1 to read until the server says EOF
     * @param closeFile whether {@link #close} closes the handle
     */
    public SftpInputStream(SftpFile file, long offset, long limit, int chunk, FlowWindow window, boolean closeFile) {
        this.file = file;
        this.nextOffset = offset;
        this.position = offset;
        this.end = limit < 0 ? Long.MAX_VALUE : offset + limit;
        this.chunk = chunk;
        this.window = window;
        this.closeFile = closeFile;
    }

    /** The offset of the next byte {@link #read} returns. */
    public long position() {
        return position - (current == null ? 0 : current.remaining());
    }

    private void fill() throws SshException {
        while (!eof && nextOffset < end && window.allows(inFlightBytes, queue.size())) {
            int len = (int) Math.min(chunk, end - nextOffset);
            queue.add(new Pending(nextOffset, len, System.nanoTime(), file.readAsync(nextOffset, len)));
            nextOffset += len;
            inFlightBytes += len;
        }
    }

    /**
     * The next run of file data as a read-only view (consumed by the caller), or null at the end.
     */
    public ByteBuffer nextBuffer() throws IOException {
        if (current != null && current.hasRemaining()) {
            ByteBuffer b = current;
            current = null;
            return b;
        }
        while (true) {
            if (closed) {
                throw new IOException("stream closed");
            }
            fill();
            Pending p = queue.poll();
            if (p == null) {
                return null;
            }
            inFlightBytes -= p.length();
            Data d = SftpReplies.dataOrEof(file.client().await(p.reply(), "read"), file.path());
            window.onReply(System.nanoTime() - p.sentNanos());
            if (d == null) {
                eof = true;
                queue.clear(); // their replies complete futures nobody waits for
                inFlightBytes = 0;
                return null;
            }
            int n = d.length();
            if (n < p.length()) {
                long gap = p.offset() + n;
                int len = p.length() - n;
                queue.addFirst(new Pending(gap, len, System.nanoTime(), file.readAsync(gap, len)));
                inFlightBytes += len;
            }
            if (n > 0) {
                position = p.offset() + n;
                return d.data();
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (current == null || !current.hasRemaining()) {
            current = nextBuffer();
            if (current == null) {
                return -1;
            }
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        if (closeFile) {
            file.close();
        }
    }
}
