package dev.skiff.ssh.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntUnaryOperator;

/**
 * A bounded in-memory byte pipe (paramiko's LoopSocket idea) whose close wakes blocked readers and
 * writers. An optional tamper function may alter the byte at each stream offset (for integrity tests).
 */
final class MemoryPipe {
    private final byte[] ring = new byte[256 * 1024];
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int head;
    private int size;
    private long offset;
    private boolean closed;
    private volatile java.util.function.LongFunction<IntUnaryOperator> tamper;

    void tamper(java.util.function.LongFunction<IntUnaryOperator> t) {
        tamper = t;
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] b = new byte[1];
            return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            lock.lock();
            try {
                while (size == 0 && !closed) {
                    changed.await();
                }
                if (size == 0) {
                    return -1;
                }
                int n = Math.min(len, size);
                for (int i = 0; i < n; i++) {
                    b[off + i] = ring[(head + i) % ring.length];
                }
                head = (head + n) % ring.length;
                size -= n;
                changed.signalAll();
                return n;
            } catch (InterruptedException e) {
                throw new InterruptedIOException();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            MemoryPipe.this.close();
        }
    };

    final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            lock.lock();
            try {
                int done = 0;
                while (done < len) {
                    while (size == ring.length && !closed) {
                        changed.await();
                    }
                    if (closed) {
                        throw new IOException("pipe closed");
                    }
                    int n = Math.min(len - done, ring.length - size);
                    var t = tamper;
                    for (int i = 0; i < n; i++) {
                        int v = b[off + done + i] & 0xff;
                        if (t != null) {
                            IntUnaryOperator op = t.apply(offset);
                            if (op != null) {
                                v = op.applyAsInt(v) & 0xff;
                            }
                        }
                        offset++;
                        ring[(head + size + i) % ring.length] = (byte) v;
                    }
                    size += n;
                    done += n;
                    changed.signalAll();
                }
            } catch (InterruptedException e) {
                throw new InterruptedIOException();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            MemoryPipe.this.close();
        }
    };

    /** Two connected ends: what one writes the other reads. */
    static SshIo[] pair() {
        MemoryPipe toServer = new MemoryPipe();
        MemoryPipe toClient = new MemoryPipe();
        return new SshIo[] {io(toClient, toServer, "memory-server"), io(toServer, toClient, "memory-client")};
    }

    static SshIo io(MemoryPipe read, MemoryPipe write, String peer) {
        return new SshIo() {
            @Override
            public InputStream in() {
                return read.in;
            }

            @Override
            public OutputStream out() {
                return write.out;
            }

            @Override
            public String peer() {
                return peer;
            }

            @Override
            public void close() {
                read.close();
                write.close();
            }
        };
    }
}
