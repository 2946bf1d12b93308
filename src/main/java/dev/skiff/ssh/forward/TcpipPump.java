package dev.skiff.ssh.forward;

import dev.skiff.ssh.connection.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies bytes between a local TCP socket and a forwarding channel, one thread per direction,
 * with half-close (RFC 4254 section 5.3): socket EOF sends channel EOF; channel EOF shuts the
 * socket's output down. The socket is closed once the channel side is finished and the peer
 * has closed the channel (or on any error); the channel is closed once both directions ended.
 *
 * <p>Threads: {@link #run} runs on the connection's "up" thread (socket to channel) and starts the
 * "down" thread (channel to socket); {@link #abort} may be called from any thread, including the
 * transport's reader thread, and never blocks.
 */
final class TcpipPump {
    private static final Logger LOG = LoggerFactory.getLogger(TcpipPump.class);
    private static final int BUFFER = 32 * 1024;

    private final Socket socket;
    private final PumpGroup group;
    private final int id;
    private final String label;
    private InputStream channelIn;
    private boolean aborted;
    private boolean downDone;
    private boolean peerClosed;

    TcpipPump(Socket socket, PumpGroup group) {
        this.socket = socket;
        this.group = group;
        this.id = group.nextId();
        this.label = group.name() + "-" + id;
    }

    int id() {
        return id;
    }

    Socket socket() {
        return socket;
    }

    String label() {
        return label;
    }

    /** Gives up before a channel exists: logs why, closes the socket, leaves the group. */
    void fail(String why) {
        LOG.info("{}: {}", label, why);
        closeSocket();
        group.remove(this);
    }

    /** Pumps until both directions ended, then closes channel and socket. Blocks the calling thread. */
    void run(Channel channel) {
        try {
            synchronized (this) {
                channelIn = channel.inputStream();
                if (aborted) {
                    closeQuietly(channelIn);
                }
            }
            channel.closedFuture().whenComplete((v, e) -> onPeerClosed());
            Thread down = group.start(id + "-down", () -> down(channel));
            boolean clean = up(channel);
            if (!clean) {
                closeQuietly(channelIn); // stop the other direction too
            }
            down.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            channel.close();
            closeSocket();
            group.remove(this);
            LOG.debug("{}: closed", label);
        }
    }

    /** Socket to channel; true when the socket reached EOF and EOF was sent on the channel. */
    private boolean up(Channel channel) {
        byte[] buf = new byte[BUFFER];
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    channel.write(buf, 0, n, 0);
                }
            }
            channel.sendEof();
            return true;
        } catch (IOException e) {
            LOG.debug("{}: socket to channel ended: {}", label, e.toString());
            return false;
        }
    }

    /** Channel to socket: at channel EOF shuts the socket's output down. */
    private void down(Channel channel) {
        boolean error = false;
        byte[] buf = new byte[BUFFER];
        try {
            OutputStream out = socket.getOutputStream();
            int n;
            while ((n = channelIn.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
            socket.shutdownOutput();
        } catch (IOException e) {
            LOG.debug("{}: channel to socket ended: {}", label, e.toString());
            error = true;
        }
        synchronized (this) {
            downDone = true;
            if (error || peerClosed || aborted) {
                closeSocket();
            }
        }
    }

    private synchronized void onPeerClosed() {
        peerClosed = true;
        if (downDone) {
            closeSocket();
        }
    }

    /** Closes the socket and the channel's inbound stream so both pump threads end. Never blocks. */
    void abort() {
        InputStream in;
        synchronized (this) {
            aborted = true;
            in = channelIn;
        }
        closeSocket();
        if (in != null) {
            closeQuietly(in);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // a channel's local buffer: nothing to report
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }
}
