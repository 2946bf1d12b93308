package dev.skiff.ssh.server;

import dev.skiff.ssh.connection.ExitStatus;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * paramiko's {@code accept(timeout)} for Skiff's server: a {@link ServerCommand} source whose
 * sessions are queued for the application instead of running a process. Use it from a policy:
 * {@code return queue.command(session, command);} in {@code exec}/{@code shell}, then
 * {@code queue.accept(timeout)} on an application thread.
 */
public final class SessionQueue {
    private final BlockingQueue<AcceptedSession> sessions = new LinkedBlockingQueue<>();

    /** A command that hands the session to {@link #accept} and waits until the application ends it. */
    public ServerCommand command(SessionInfo info, String command) {
        return new ServerCommand() {
            private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();

            @Override
            public ExitStatus run(java.io.InputStream in, java.io.OutputStream out, java.io.OutputStream err)
                    throws InterruptedException {
                sessions.add(new AcceptedSession(info, command, in, out, err, exit));
                try {
                    return exit.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    return ExitStatus.ofCode(255);
                }
            }

            @Override
            public void destroy() {
                exit.complete(ExitStatus.ofCode(255));
            }
        };
    }

    /** The next session a client opened, or null after {@code timeout}. */
    public AcceptedSession accept(Duration timeout) throws InterruptedException {
        return sessions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
