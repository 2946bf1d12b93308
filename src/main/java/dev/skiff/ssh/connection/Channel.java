package dev.skiff.ssh.connection;

import dev.skiff.ssh.ChannelException;
import dev.skiff.ssh.ChannelOpenFailedException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * One channel of the connection protocol (RFC 4254 section 5): ids, flow-control windows in both
 * directions, inbound stdout/stderr buffers, EOF and CLOSE, and channel requests with replies.
 *
 * <p>Threads: the {@code on*} methods run on the transport's reader thread and never block; the
 * user methods ({@link #write}, {@link #request}, {@link #close}) run on worker threads and block
 * with timeouts. Writers wait for the peer's window and fail fast once the channel or connection
 * is closed.
 */
public class Channel implements AutoCloseable {
    private final ConnectionService connection;
    private final int localId;
    private final String type;
    private final long localMaxPacket;
    private final long initialLocalWindow;
    private final ChannelBuffer stdout;
    private final ChannelBuffer stderr;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final ArrayDeque<CompletableFuture<Boolean>> pendingRequests = new ArrayDeque<>();

    /** Serialises every send for this channel with the CLOSE flag: nothing follows our CLOSE. */
    private final java.util.concurrent.locks.ReentrantLock sendGuard = new java.util.concurrent.locks.ReentrantLock();
    private volatile int remoteId = -1;
    private long remoteWindow;
    private long remoteMaxPacket;
    private long localWindow;
    private long consumedSinceAdjust;
    private boolean eofSent;
    private volatile boolean eofReceived;
    /** Our CLOSE is on the wire (or never will be): nothing more is sent for this channel. */
    private boolean closeSent;
    private volatile boolean closeReceived;
    private volatile SshException failure;

    protected Channel(ConnectionService connection, String type, long localWindow, long localMaxPacket) {
        this.connection = connection;
        this.type = type;
        this.localId = connection.allocateId(this);
        this.localWindow = localWindow;
        this.initialLocalWindow = localWindow;
        this.localMaxPacket = localMaxPacket;
        this.stdout = new ChannelBuffer(this::consumed);
        this.stderr = new ChannelBuffer(this::consumed);
    }

    public int localId() {
        return localId;
    }

    public int remoteId() {
        return remoteId;
    }

    public String type() {
        return type;
    }

    long localMaxPacket() {
        return localMaxPacket;
    }

    long initialLocalWindow() {
        return initialLocalWindow;
    }

    CompletableFuture<Void> openedFuture() {
        return opened;
    }

    /** Completes when both sides have sent CLOSE (or the connection died). */
    public CompletableFuture<Void> closedFuture() {
        return closed;
    }

    public boolean isOpen() {
        return opened.isDone() && !opened.isCompletedExceptionally() && !closeReceived && failure == null;
    }

    /** Inbound data (stdout for sessions). */
    public InputStream inputStream() {
        return stdout.stream();
    }

    /** Inbound extended data type 1 (stderr for sessions). */
    public InputStream extendedInputStream() {
        return stderr.stream();
    }

    /** Outbound data; {@code close()} on it sends EOF. */
    public OutputStream outputStream() {
        return new ChannelOutputStream(this, 0);
    }

    // ------------------------------------------------------------ reader thread

    synchronized void onOpenConfirmation(ChannelMessage.OpenConfirmation m) {
        remoteId = m.sender();
        remoteWindow = m.window();
        remoteMaxPacket = Math.max(1, Math.min(m.maxPacket(), connection.config().maxPacket()));
        notifyAll();
        opened.complete(null);
    }

    void onOpenFailure(ChannelMessage.OpenFailure m) {
        String text = connection.printable(m.description());
        ChannelOpenFailedException e = new ChannelOpenFailedException(m.reasonCode(), "channel " + type + " refused: "
                + ChannelOpenFailedException.reasonName(m.reasonCode()) + (text.isEmpty() ? "" : " (" + text + ")"));
        fail(e);
    }

    synchronized void onWindowAdjust(ChannelMessage.WindowAdjust m) throws ProtocolException {
        long w = remoteWindow + m.bytesToAdd();
        if (w > 0xffffffffL) {
            throw new ProtocolException("channel " + localId + ": window adjust beyond 2^32-1");
        }
        remoteWindow = w;
        notifyAll();
    }

    /** Inbound data {@code buf[off, off+len)} (the array is owned by us from now on). */
    void onData(int dataType, byte[] buf, int off, int len) throws ProtocolException {
        synchronized (this) {
            // OpenSSH sends stderr (extended data) after EOF; plain data after EOF is a protocol error.
            if (closeReceived || (eofReceived && dataType == 0)) {
                throw new ProtocolException("channel " + localId + ": data after " + (closeReceived ? "CLOSE" : "EOF"));
            }
            if (len > localWindow || len > localMaxPacket) {
                throw new ProtocolException("channel " + localId + ": peer sent " + len + " bytes, window " + localWindow
                        + ", max packet " + localMaxPacket);
            }
            localWindow -= len;
        }
        if (dataType == 0) {
            stdout.append(buf, off, len);
        } else if (dataType == 1) {
            stderr.append(buf, off, len);
        } else {
            consumed(len); // unknown extended data: discard, keep the window open
        }
    }

    void onEof() {
        eofReceived = true;
        stdout.eof();
        eofReceived();
    }

    void onClose() {
        closeReceived = true;
        stdout.eof();
        stderr.eof();
        try {
            sendForChannel(new ChannelMessage.Close(remoteId));
        } catch (TransportException e) {
            // the connection is going away; nothing more to do for this channel
        }
        failRequests(new ChannelException("channel " + localId + " closed"));
        closedByPeer();
        connection.remove(this);
        closed.complete(null);
    }

    /** A channel request from the peer; returns whether it succeeded (sent back when it wants a reply). */
    protected boolean onRequest(ChannelMessage.Request m) throws ProtocolException {
        return false;
    }

    /**
     * Hook: the reply to {@code m} (if it wanted one) has been sent. A server starts a program
     * here, so that nothing of it reaches the peer before the reply (reader thread; must not block).
     */
    protected void requestAnswered(ChannelMessage.Request m, boolean success) {
    }

    void onReply(ChannelMessage.Reply m) throws ProtocolException {
        CompletableFuture<Boolean> f;
        synchronized (this) {
            f = pendingRequests.poll();
        }
        if (f == null) {
            throw new ProtocolException("channel " + localId + ": reply without a request");
        }
        f.complete(m.success());
    }

    /** Hook: the peer sent EOF. */
    protected void eofReceived() {
    }

    /** Hook: the peer closed the channel. */
    protected void closedByPeer() {
    }

    /** The connection died or the open was refused: every waiter gets the cause. */
    void fail(SshException cause) {
        synchronized (this) {
            if (failure == null) {
                failure = cause;
            }
            notifyAll();
        }
        IOException io = cause;
        stdout.fail(io);
        stderr.fail(io);
        opened.completeExceptionally(cause);
        failRequests(cause);
        connection.remove(this);
        closed.complete(null);
    }

    private void failRequests(SshException cause) {
        ArrayDeque<CompletableFuture<Boolean>> pending;
        synchronized (this) {
            pending = new ArrayDeque<>(pendingRequests);
            pendingRequests.clear();
        }
        pending.forEach(f -> f.completeExceptionally(cause));
    }

    // ------------------------------------------------------------ worker threads

    /**
     * Sends a message for this channel unless our CLOSE has gone out; a CLOSE marks it.
     * Returns false when nothing was sent.
     */
    /** CHANNEL_DATA / EXTENDED_DATA encoded straight into the packet buffer (no intermediate copy). */
    private boolean sendData(int dataType, byte[] b, int off, int len) throws TransportException {
        sendGuard.lock();
        try {
            synchronized (this) {
                if (closeSent) {
                    return false;
                }
            }
            int recipient = remoteId;
            int header = dataType == 0 ? 9 : 13;
            connection.transport().send(header + len, (dst, at) -> {
                int p = at;
                dst[p++] = (byte) (dataType == 0 ? dev.skiff.ssh.wire.SshMessages.CHANNEL_DATA
                        : dev.skiff.ssh.wire.SshMessages.CHANNEL_EXTENDED_DATA);
                p = putInt(dst, p, recipient);
                if (dataType != 0) {
                    p = putInt(dst, p, dataType);
                }
                p = putInt(dst, p, len);
                System.arraycopy(b, off, dst, p, len);
            });
            return true;
        } finally {
            sendGuard.unlock();
        }
    }

    private static int putInt(byte[] d, int p, int v) {
        d[p] = (byte) (v >>> 24);
        d[p + 1] = (byte) (v >>> 16);
        d[p + 2] = (byte) (v >>> 8);
        d[p + 3] = (byte) v;
        return p + 4;
    }

    private boolean sendForChannel(ChannelMessage m) throws TransportException {
        sendGuard.lock();
        try {
            synchronized (this) {
                if (closeSent) {
                    return false;
                }
                if (m instanceof ChannelMessage.Close) {
                    closeSent = true;
                    notifyAll();
                }
            }
            connection.send(m);
            return true;
        } finally {
            sendGuard.unlock();
        }
    }

    /** Called as the consumer drains a buffer: grants window back in large steps (OpenSSH-like). */
    private void consumed(int n) {
        long adjust = 0;
        synchronized (this) {
            consumedSinceAdjust += n;
            if (!closeReceived && !closeSent && remoteId >= 0
                    && consumedSinceAdjust >= Math.min(initialLocalWindow / 2, 4 * localMaxPacket)) {
                adjust = consumedSinceAdjust;
                consumedSinceAdjust = 0;
                localWindow += adjust;
            }
        }
        if (adjust > 0) {
            try {
                sendForChannel(new ChannelMessage.WindowAdjust(remoteId, adjust));
            } catch (TransportException ignored) {
                // the connection failed; readers learn it from the buffers
            }
        }
    }

    /**
     * Sends data (type 0) or extended data, split to the peer's max packet and window. Blocks while
     * the peer's window is closed, up to the configured write timeout.
     */
    public void write(byte[] b, int off, int len, int dataType) throws SshException {
        long deadline = System.nanoTime() + connection.config().writeTimeout().toNanos();
        while (len > 0) {
            int chunk;
            synchronized (this) {
                while (true) {
                    checkWritable();
                    if (remoteWindow > 0) {
                        break;
                    }
                    long wait = deadline - System.nanoTime();
                    if (wait <= 0) {
                        throw new ChannelException("channel " + localId + ": timed out waiting for the peer's window");
                    }
                    try {
                        wait(Math.max(1, wait / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ChannelException("interrupted while writing to channel " + localId, e);
                    }
                }
                chunk = (int) Math.min(len, Math.min(remoteWindow, remoteMaxPacket));
                remoteWindow -= chunk;
            }
            if (!sendData(dataType, b, off, chunk)) {
                throw new ChannelException("channel " + localId + " is closed for writing");
            }
            off += chunk;
            len -= chunk;
        }
    }

    private void checkWritable() throws SshException {
        if (failure != null) {
            throw new ChannelException("channel " + localId + " failed: " + failure.getMessage(), failure);
        }
        if (eofSent || closeSent || closeReceived) {
            throw new ChannelException("channel " + localId + " is closed for writing");
        }
    }

    /** Sends EOF: no more data from us (idempotent). */
    public void sendEof() throws SshException {
        synchronized (this) {
            if (eofSent || closeSent || failure != null) {
                return;
            }
            eofSent = true;
            notifyAll();
        }
        sendForChannel(new ChannelMessage.Eof(remoteId));
    }

    /**
     * Sends a channel request. With {@code wantReply} the future completes with success/failure;
     * otherwise it completes at once with true.
     */
    public CompletableFuture<Boolean> request(String requestType, boolean wantReply, byte[] data) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        try {
            synchronized (this) {
                checkWritable0();
                if (wantReply) {
                    pendingRequests.add(f);
                }
            }
            if (!sendForChannel(new ChannelMessage.Request(remoteId, requestType, wantReply, data))) {
                throw new ChannelException("channel " + localId + " is closed");
            }
            if (!wantReply) {
                f.complete(true);
            }
        } catch (SshException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    private void checkWritable0() throws SshException {
        if (failure != null) {
            throw new ChannelException("channel " + localId + " failed: " + failure.getMessage(), failure);
        }
        if (closeSent || closeReceived) {
            throw new ChannelException("channel " + localId + " is closed");
        }
    }

    /** Sends a request with want-reply and waits; false when the peer answered CHANNEL_FAILURE. */
    public boolean requestAndWait(String requestType, byte[] data, Duration timeout) throws SshException {
        return ConnectionService.await(request(requestType, true, data), timeout, requestType + " request");
    }

    /**
     * Closes the channel: sends CLOSE (if not yet sent) and waits up to the request timeout for the
     * peer's CLOSE. Idempotent.
     */
    @Override
    public void close() {
        if (remoteId >= 0 && failure == null) {
            try {
                sendForChannel(new ChannelMessage.Close(remoteId));
            } catch (TransportException e) {
                fail(e);
            }
        }
        synchronized (this) {
            closeSent = true;
            notifyAll();
        }
        if (!opened.isDone()) {
            fail(new ChannelException("channel closed before it was opened"));
        }
        try {
            closed.get(connection.config().requestTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // stop waiting, but keep the channel registered: the peer's CLOSE still arrives for it,
            // and a CLOSE for an unknown channel would be a protocol error that ends the connection
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            fail(new ChannelException("channel " + localId + ": no CLOSE from the peer"));
        }
    }

    @Override
    public String toString() {
        return "Channel[" + type + " " + localId + "->" + remoteId + (isOpen() ? "" : ", closed") + "]";
    }
}
