package dev.skiff.ssh.agent;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.ConnectionService;
import dev.skiff.ssh.connection.SessionChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agent forwarding (OpenSSH PROTOCOL: {@code auth-agent-req@openssh.com} on a session, then
 * {@code auth-agent@openssh.com} channels from the server): each channel the server opens is
 * relayed to the local agent socket by an {@link AgentForwarder} on its own named daemon thread.
 * The reader thread only confirms the channel and starts that thread. Off by default: anyone
 * with root on the server can use the forwarded keys while the connection lasts.
 */
public final class AgentForwarding {
    static final String CHANNEL_TYPE = "auth-agent@openssh.com";
    private static final Logger LOG = LoggerFactory.getLogger(AgentForwarding.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private AgentForwarding() {
    }

    /** A channel carrying agent protocol bytes. */
    static final class AgentChannel extends Channel {
        AgentChannel(ConnectionService c) {
            super(c, CHANNEL_TYPE, c.config().window(), c.config().maxPacket());
        }
    }

    /**
     * Accepts agent channels on {@code connection} (relayed to {@code agentSocket}) and asks the
     * server to forward the agent for {@code session}. Call before the session's shell or exec.
     */
    public static void enable(SshConnection connection, SessionChannel session, Path agentSocket, Duration timeout)
            throws SshException {
        ConnectionService svc = connection.connectionService();
        svc.onChannelOpen(CHANNEL_TYPE, (c, open) -> {
            AgentChannel ch = new AgentChannel(c);
            c.confirm(ch, open);
            Thread t = new Thread(() -> relay(ch, agentSocket, timeout), "skiff-agent-fwd-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.start();
            return ch;
        });
        session.request("auth-agent-req@openssh.com", false, new byte[0]);
    }

    private static void relay(AgentChannel ch, Path socket, Duration timeout) {
        try (AgentForwarder fwd = AgentForwarder.connect(socket, timeout)) {
            AgentForwarder.Outcome o = fwd.relay(ch.inputStream(), ch.outputStream());
            LOG.debug("agent channel {} ended: {}", ch.localId(), o);
        } catch (Exception e) {
            LOG.debug("agent channel {} failed: {}", ch.localId(), e.toString());
        } finally {
            ch.close();
        }
    }
}
