package dev.skiff.ssh.server;

import dev.skiff.ssh.connection.ExitStatus;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A session the client started (shell, exec or subsystem) handed to the application, paramiko's
 * {@code Transport.accept()} style: read the client's input, write output, then {@link #exit}.
 * {@code command} is null for a shell, the command line for exec, {@code "subsystem:NAME"} for a
 * subsystem.
 */
public record AcceptedSession(SessionInfo info, String command, InputStream in, OutputStream out, OutputStream err,
        CompletableFuture<ExitStatus> exitStatus) {
    /** Ends the session with {@code code}: the server sends exit-status, EOF and CLOSE. */
    public void exit(int code) {
        exitStatus.complete(ExitStatus.ofCode(code));
    }

    @Override
    public String toString() {
        return "AcceptedSession[" + info.user() + "@" + info.peer() + ", " + (command == null ? "shell" : command) + "]";
    }
}
