package dev.skiff.ssh;

import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.userauth.AuthenticationPlan;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A command running on its own new connection (Twisted Conch's "run a command on a new
 * connection"): process-like streams and exit future; closing it closes the channel and the
 * connection. For many commands on one connection use {@link SshConnection#exec}.
 */
public final class RemoteCommand implements AutoCloseable {
    private final SshConnection connection;
    private final SessionChannel session;

    private RemoteCommand(SshConnection connection, SessionChannel session) {
        this.connection = connection;
        this.session = session;
    }

    /** Connects (host key verified), authenticates as {@code plan} says and starts {@code command}. Blocks. */
    public static RemoteCommand start(ConnectSpec target, SshClientConfig config, AuthenticationPlan plan, String command)
            throws SshException {
        SshConnection c = SshClient.connect(target, config);
        try {
            c.authenticate(plan);
            return new RemoteCommand(c, c.exec(command));
        } catch (SshException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    public OutputStream stdin() {
        return session.stdin();
    }

    public InputStream stdout() {
        return session.stdout();
    }

    public InputStream stderr() {
        return session.stderr();
    }

    public CompletableFuture<ExitStatus> exitFuture() {
        return session.exitFuture();
    }

    /** Waits for the command to end; null on timeout. */
    public ExitStatus waitFor(Duration limit) throws SshException {
        return session.waitFor(limit);
    }

    public SshConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            connection.close();
        }
    }
}
