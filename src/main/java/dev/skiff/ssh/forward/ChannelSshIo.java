package dev.skiff.ssh.forward;

import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.transport.SshIo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The byte pipe of a ProxyJump hop: a transport running over a channel of another connection
 * (normally a {@code direct-tcpip} channel, RFC 4254 section 7.2). {@link #in()} is the channel's
 * data, {@link #out()} writes channel data.
 *
 * <p>Ownership: {@link #close()} closes the channel, then the optional {@code owned} resource (the
 * jump host connection, when this hop opened it). A transport over this pipe closes it when it
 * ends, so closing the final connection of a chain closes every hop the chain opened.
 * {@code close()} first ends the inbound stream locally, so a reader blocked in {@code in().read()}
 * returns at once; then it waits (up to the request timeout) for the channel's CLOSE.
 */
public final class ChannelSshIo implements SshIo {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelSshIo.class);

    private final Channel channel;
    private final InputStream in;
    private final OutputStream out;
    private final String peer;
    private final AutoCloseable owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param peer a short description for thread names and messages, e.g. {@code host:22 via jump}
     * @param owned closed after the channel (may be null)
     */
    public ChannelSshIo(Channel channel, String peer, AutoCloseable owned) {
        this.channel = channel;
        this.in = channel.inputStream();
        this.out = channel.outputStream();
        this.peer = peer;
        this.owned = owned;
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public OutputStream out() {
        return out;
    }

    @Override
    public String peer() {
        return peer;
    }

    public Channel channel() {
        return channel;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // a local buffer: nothing to report
        }
        channel.close();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.debug("closing the jump host of {}: {}", peer, e.toString());
            }
        }
    }
}
