package dev.skiff.ssh.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.function.IntConsumer;

/**
 * Inbound bytes of one channel stream (stdout or stderr). Filled by the reader thread without
 * blocking (the channel's local window bounds what the peer may send); drained by the consumer
 * through {@link #stream()}, which reports each consumed byte count so the channel can grant the
 * window back (WINDOW_ADJUST). EOF and failures wake blocked readers.
 */
final class ChannelBuffer {
    /** A slice of a received payload array. */
    private record Chunk(byte[] buf, int off, int len) {
    }

    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private final IntConsumer consumed;
    private int headOffset;
    private long buffered;
    private boolean eof;
    private IOException failure;

    ChannelBuffer(IntConsumer consumed) {
        this.consumed = consumed;
    }

    synchronized void append(byte[] buf, int off, int len) {
        if (len > 0 && !eof) {
            chunks.add(new Chunk(buf, off, len));
            buffered += len;
            notifyAll();
        }
    }

    synchronized void eof() {
        eof = true;
        notifyAll();
    }

    synchronized void fail(IOException cause) {
        if (failure == null) {
            failure = cause;
        }
        eof = true;
        notifyAll();
    }

    synchronized long buffered() {
        return buffered;
    }

    private int read(byte[] b, int off, int len) throws IOException {
        int n;
        synchronized (this) {
            while (buffered == 0) {
                if (eof) {
                    if (failure != null && chunks.isEmpty()) {
                        throw new IOException(failure.getMessage(), failure);
                    }
                    return -1;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted reading channel data");
                }
            }
            n = 0;
            while (n < len && !chunks.isEmpty()) {
                Chunk head = chunks.peek();
                int take = Math.min(len - n, head.len() - headOffset);
                System.arraycopy(head.buf(), head.off() + headOffset, b, off + n, take);
                n += take;
                headOffset += take;
                if (headOffset == head.len()) {
                    chunks.poll();
                    headOffset = 0;
                }
            }
            buffered -= n;
        }
        consumed.accept(n);
        return n;
    }

    /** The consumer's view. Closing it discards what is buffered (and grants the window back). */
    InputStream stream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = ChannelBuffer.this.read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                if (len == 0) {
                    return 0;
                }
                return ChannelBuffer.this.read(b, off, len);
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, buffered());
            }

            @Override
            public void close() {
                int dropped;
                synchronized (ChannelBuffer.this) {
                    dropped = (int) buffered;
                    chunks.clear();
                    headOffset = 0;
                    buffered = 0;
                    eof = true;
                    ChannelBuffer.this.notifyAll();
                }
                consumed.accept(dropped);
            }
        };
    }
}
