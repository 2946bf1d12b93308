package dev.skiff.ssh.sftp;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.sftp.packet.Init;
import dev.skiff.ssh.sftp.packet.SftpCodec;
import dev.skiff.ssh.sftp.packet.SftpMessages;
import dev.skiff.ssh.sftp.packet.SftpPacket;
import dev.skiff.ssh.sftp.packet.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SFTP packet engine over any pair of streams (a session channel's stdout/stdin, or pipes in
 * tests): INIT/VERSION, request ids, and one reader thread {@code skiff-sftp-read-N} (a daemon)
 * that decodes each reply and completes the future registered for its id.
 *
 * <p>Threads: {@link #send} may be called from any thread (one lock covers writing a whole
 * packet). The reader thread only decodes and completes futures; callers wait with a timeout.
 * When the reader stops — end of stream, malformed packet, a reply for an unknown id, a reply of
 * a type the request cannot have, a DATA longer than asked — the session fails: every pending
 * and later request completes exceptionally with the cause (sshj's PacketReader model).
 */
public final class SftpSession implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable underlying;
    private final Object writeLock = new Object();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final CompletableFuture<Version> version = new CompletableFuture<>();
    private final CompletableFuture<SftpException> failed = new CompletableFuture<>();
    private final Thread reader;
    private volatile SftpException failure;

    /** A request waiting for its reply; {@code maxData} bounds a DATA reply (READ's length). */
    private record Pending(int requestType, int maxData, CompletableFuture<SftpPacket.WithId> reply) {
    }

    private SftpSession(InputStream in, OutputStream out, AutoCloseable underlying) {
        this.in = in;
        this.out = out;
        this.underlying = underlying;
        this.reader = new Thread(this::readLoop, "skiff-sftp-read-" + THREADS.incrementAndGet());
        reader.setDaemon(true);
    }

    /**
     * Starts the reader, sends INIT (version 3) and waits up to {@code timeout} for VERSION.
     * {@code underlying} is closed when the session closes or fails (it must unblock the reader).
     */
    public static SftpSession start(InputStream in, OutputStream out, AutoCloseable underlying, Duration timeout)
            throws SshException {
        SftpSession s = new SftpSession(in, out, underlying);
        s.reader.start();
        try {
            s.writeFrame(SftpCodec.frame(new Init(3, List.of()).encode()));
            Version v = await(s.version, timeout, "SFTP version");
            if (v.version() < 3) {
                throw new SftpException(SftpStatus.OP_UNSUPPORTED, "the server speaks SFTP version " + v.version() + ", not 3");
            }
            return s;
        } catch (SshException e) {
            s.fail(e instanceof SftpException x ? x : new SftpException(SftpStatus.CONNECTION_LOST, e.getMessage(), e));
            throw e;
        }
    }

    public Version version() {
        return version.getNow(null);
    }

    /** Completes with the cause when the session fails or closes. */
    public CompletableFuture<SftpException> failedFuture() {
        return failed;
    }

    public boolean isOpen() {
        return failure == null;
    }

    /** Test hook: the next request id (to exercise the wrap at 2^32). */
    void setNextId(int id) {
        nextId.set(id);
    }

    /** Allocates an id that is not pending; ids wrap around 2^32. */
    private int register(int requestType, int maxData, CompletableFuture<SftpPacket.WithId> f) throws SftpException {
        while (true) {
            checkOpen();
            int id = nextId.getAndIncrement();
            if (pending.putIfAbsent(id, new Pending(requestType, maxData, f)) == null) {
                if (failure != null && pending.remove(id) != null) {
                    throw failure;
                }
                return id;
            }
        }
    }

    private void checkOpen() throws SftpException {
        SftpException e = failure;
        if (e != null) {
            throw new SftpException(e.status(), e.getMessage(), e);
        }
    }

    /** Sends the request built for a fresh id; the future completes with its reply. */
    public CompletableFuture<SftpPacket.WithId> send(java.util.function.IntFunction<SftpPacket.WithId> build)
            throws SftpException {
        CompletableFuture<SftpPacket.WithId> f = new CompletableFuture<>();
        SftpPacket.WithId p = build.apply(0);
        int id = register(p.type(), p.type() == SftpMessages.READ ? ((dev.skiff.ssh.sftp.packet.Read) p).length() : 0, f);
        writeFrame(SftpCodec.frame(build.apply(id).encode()));
        return f;
    }

    /** Allocates an id for a WRITE whose frame the caller builds in place (see {@code Write.frameHeader}). */
    public int registerWrite(CompletableFuture<SftpPacket.WithId> f) throws SftpException {
        return register(SftpMessages.WRITE, 0, f);
    }

    /** Writes one whole framed packet. */
    public void writeFrame(byte[] frame) throws SftpException {
        checkOpen();
        try {
            synchronized (writeLock) {
                out.write(frame);
                out.flush();
            }
        } catch (IOException e) {
            SftpException x = new SftpException(SftpStatus.CONNECTION_LOST, "SFTP session lost: " + e.getMessage(), e);
            fail(x);
            throw x;
        }
    }

    private void readLoop() {
        try {
            byte[] first = SftpCodec.readFrame(in);
            if (first == null) {
                throw new SftpException(SftpStatus.CONNECTION_LOST, "the SFTP server closed before VERSION");
            }
            if (!(SftpCodec.decode(first) instanceof Version v)) {
                throw new ProtocolException("SFTP: expected VERSION, got " + SftpMessages.name(first[0] & 0xff));
            }
            version.complete(v);
            while (true) {
                byte[] frame = SftpCodec.readFrame(in);
                if (frame == null) {
                    throw new SftpException(SftpStatus.CONNECTION_LOST, "the SFTP server closed the session");
                }
                dispatch(SftpCodec.decode(frame));
            }
        } catch (SftpException e) {
            fail(e);
        } catch (IOException e) {
            fail(new SftpException(e instanceof ProtocolException ? SftpStatus.BAD_MESSAGE : SftpStatus.CONNECTION_LOST,
                    "SFTP session failed: " + e.getMessage(), e));
        } catch (RuntimeException | Error e) {
            fail(new SftpException(SftpStatus.FAILURE, "SFTP reader failed: " + e, e));
        }
    }

    private void dispatch(SftpPacket p) throws ProtocolException {
        if (!(p instanceof SftpPacket.WithId r) || p.type() < SftpMessages.STATUS) {
            throw new ProtocolException("SFTP: unexpected " + SftpMessages.name(p.type()) + " from the server");
        }
        Pending w = pending.get(r.id()); // removed only once the reply is valid, so fail() still reaches it
        if (w == null) {
            throw new ProtocolException("SFTP: " + SftpMessages.name(p.type()) + " for unknown request id " + Integer.toUnsignedString(r.id()));
        }
        if (!SftpReplies.allowed(w.requestType(), p.type())) {
            throw new ProtocolException("SFTP: " + SftpMessages.name(p.type()) + " is no reply to " + SftpMessages.name(w.requestType()));
        }
        if (p instanceof dev.skiff.ssh.sftp.packet.Data d && d.length() > w.maxData()) {
            throw new ProtocolException("SFTP: DATA of " + d.length() + " bytes for a READ of " + w.maxData());
        }
        pending.remove(r.id());
        w.reply().complete(r);
    }

    /** Fails the session once: every pending request gets {@code cause}; the stream is closed. */
    void fail(SftpException cause) {
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = cause;
        }
        version.completeExceptionally(cause);
        for (Integer id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.reply().completeExceptionally(cause);
            }
        }
        failed.complete(cause);
        try {
            underlying.close();
        } catch (Exception ignored) {
            // the session is already failed with the cause
        }
    }

    /** Closes the stream and fails pending requests; joins the reader for up to 5 seconds. */
    @Override
    public void close() {
        fail(new SftpException(SftpStatus.NO_CONNECTION, "SFTP session closed"));
        if (Thread.currentThread() != reader) {
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for a future with a timeout, unwrapping the SSH cause. */
    static <T> T await(CompletableFuture<T> f, Duration timeout, String what) throws SshException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SftpException(SftpStatus.FAILURE, "timed out after " + timeout.toSeconds() + " s waiting for " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SftpException(SftpStatus.FAILURE, "interrupted waiting for " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SftpException s) {
                throw new SftpException(s.status(), s.getMessage(), s);
            }
            if (e.getCause() instanceof SshException s) {
                throw s;
            }
            throw new SftpException(SftpStatus.FAILURE, what + " failed: " + e.getCause(), e.getCause());
        }
    }
}
