package dev.skiff.ssh.server;

import dev.skiff.ssh.connection.ExitStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What runs behind a session channel's {@code exec}, {@code shell} or {@code subsystem} request:
 * a real process ({@link SystemCommands}), an in-process command, or a subsystem such as SFTP.
 *
 * <p>Threads: {@link #run} is called on its own named daemon thread ({@code skiff-session-...}),
 * never on the transport's reader thread, and may block. When it returns, the server sends what
 * is left of the output, then exit-status (or exit-signal), EOF and CLOSE (OpenSSH's order).
 * {@link #windowChange}, {@link #signal} and {@link #destroy} are called on the reader thread and
 * must not block.
 */
@FunctionalInterface
public interface ServerCommand {
    /**
     * Runs the command: reads the client's stdin from {@code in} (EOF when the client sent EOF),
     * writes stdout to {@code out} and stderr (extended data type 1) to {@code err}. Returns how it
     * ended. Streams are closed by the server afterwards.
     */
    ExitStatus run(InputStream in, OutputStream out, OutputStream err) throws IOException, InterruptedException;

    /** The client's terminal changed size (window-change). Default: ignored. */
    default void windowChange(int columns, int rows, int widthPixels, int heightPixels) {
    }

    /** The client asks to deliver a signal ("TERM", "INT", ...); returns whether it was delivered. */
    default boolean signal(String name) {
        return false;
    }

    /** The channel or the connection went away while running: stop soon. Default: nothing. */
    default void destroy() {
    }
}
