package dev.skiff.ssh.agent;

import dev.skiff.ssh.AgentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agent forwarding, the local end: relays agent protocol messages between a forwarding channel
 * (the server's {@code auth-agent@openssh.com} channel, OpenSSH PROTOCOL "agent forwarding") and
 * the local agent socket. Each framed request read from the channel is checked against
 * {@link AgentFrames#MAX_MESSAGE_BYTES}, sent to the agent as is, and the agent's framed answer is
 * written back, one exchange at a time. Message contents are neither decoded nor logged (they may
 * carry private keys).
 *
 * <p>Use: {@link #connect} when the channel open arrives (an {@link AgentException} there means
 * "refuse the channel"), then {@link #relay} on a thread of its own once the channel is confirmed.
 * {@code relay} blocks; each agent exchange is bounded by the timeout, waiting for the channel is
 * not. It must never run on the transport's reader thread. Neither stream is closed here: the
 * caller closes the channel when {@code relay} returns, and closes the channel's input to stop a
 * relay that waits for a request; {@link #close} drops the agent side.
 */
public final class AgentForwarder implements AutoCloseable {
    /** Why {@link #relay} returned. */
    public enum Outcome {
        /** The channel side ended between two messages. */
        CHANNEL_EOF,
        /**
         * The agent closed, failed or timed out; the pending request was answered with
         * SSH_AGENT_FAILURE first so that the remote client does not wait.
         */
        AGENT_GONE,
        /** {@link #close()} was called. */
        CLOSED
    }

    private static final Logger LOG = LoggerFactory.getLogger(AgentForwarder.class);
    private static final String CHANNEL = "the agent forwarding channel";

    private final AgentSocket agent;
    private final AtomicLong relayed = new AtomicLong();
    private volatile boolean closed;

    private AgentForwarder(AgentSocket agent) {
        this.agent = agent;
    }

    /**
     * Connects to the local agent at {@code agentSocket}; {@code timeout} bounds each exchange.
     *
     * @throws AgentException if no agent answers there
     */
    public static AgentForwarder connect(Path agentSocket, Duration timeout) throws AgentException {
        return new AgentForwarder(AgentSocket.open(agentSocket, timeout));
    }

    /**
     * Relays until the channel ends, the agent goes away, or {@link #close()}.
     *
     * @param fromChannel the data the server sends on the forwarding channel
     * @param toChannel where the agent's answers go (flushed after each one)
     * @throws AgentException if the channel sends an empty or oversized frame or ends inside one
     *         (the agent side is closed; close the channel)
     * @throws IOException if writing to or reading from the channel fails
     */
    public Outcome relay(InputStream fromChannel, OutputStream toChannel) throws IOException {
        try {
            while (true) {
                byte[] request;
                try {
                    request = AgentFrames.read(fromChannel, CHANNEL);
                } catch (IOException e) {
                    if (closed) {
                        return Outcome.CLOSED;
                    }
                    throw e;
                }
                if (request == null) {
                    return closed ? Outcome.CLOSED : Outcome.CHANNEL_EOF;
                }
                byte[] answer;
                try {
                    answer = agent.request(request);
                } catch (AgentException e) {
                    if (closed) {
                        return Outcome.CLOSED;
                    }
                    LOG.debug("forwarded agent request failed, answering FAILURE and stopping: {}", e.getMessage());
                    AgentFrames.write(toChannel, EmptyAgentMessage.FAILURE.encode());
                    return Outcome.AGENT_GONE;
                } finally {
                    Arrays.fill(request, (byte) 0);
                }
                try {
                    AgentFrames.write(toChannel, answer);
                } finally {
                    Arrays.fill(answer, (byte) 0);
                }
                relayed.incrementAndGet();
            }
        } finally {
            agent.close();
        }
    }

    /** How many request/answer exchanges have been relayed so far. */
    public long relayedCount() {
        return relayed.get();
    }

    /** Closes the agent side; a running {@link #relay} returns {@link Outcome#CLOSED}. Idempotent. */
    @Override
    public void close() {
        closed = true;
        agent.close();
    }
}
