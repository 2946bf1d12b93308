package dev.skiff.app.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.connection.PtyRequest;
import dev.skiff.ssh.connection.SessionChannel;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An SSH terminal: asks its {@link ConnectionProvider} for an authenticated connection, opens a
 * session channel with {@code pty-req} ({@value #TERM}) and {@code shell}, and returns an
 * {@link SshTtyConnector}. The connection is handed back with {@link ConnectionProvider#release}
 * when the terminal ends (a shared connection stays open for other tabs).
 *
 * <p>{@link #open} runs on a worker thread; {@link #cancel} on the FX thread interrupts it.
 */
public final class SshTerminalSource implements TerminalSource {
    public static final String TERM = "xterm-256color";

    /** Supplies authenticated connections; implemented by the app's connection manager. */
    public interface ConnectionProvider {
        /**
         * Worker thread, blocking: an open, authenticated connection. Report steps ("Connecting",
         * "Key exchange", "Authenticating") through {@code progress}. Should give up promptly when
         * the calling thread is interrupted (the user cancelled).
         */
        SshConnection connect(Consumer<String> progress) throws Exception;

        /** The terminal that used {@code connection} ended (or its open failed after connecting). */
        default void release(SshConnection connection) {
        }
    }

    private final String displayName;
    private final ConnectionProvider provider;
    private volatile Thread opening;
    private volatile boolean cancelled;
    private final Osc7Tracker directory = new Osc7Tracker();

    public SshTerminalSource(String displayName, ConnectionProvider provider) {
        this.displayName = Objects.requireNonNull(displayName);
        this.provider = Objects.requireNonNull(provider);
    }

    @Override
    public TtyConnector open(TerminalSize size, Consumer<String> progress) throws Exception {
        cancelled = false;
        opening = Thread.currentThread();
        try {
            progress.accept("Connecting to " + displayName);
            SshConnection connection = provider.connect(progress);
            try {
                checkCancelled();
                progress.accept("Opening a terminal");
                SessionChannel session = connection.openSession();
                try {
                    session.requestPty(PtyRequest.of(TERM, size.columns(), size.rows()));
                    session.shell();
                    checkCancelled();
                } catch (Exception e) {
                    session.close();
                    throw e;
                }
                return new SshTtyConnector(session, displayName, () -> provider.release(connection), directory);
            } catch (Exception e) {
                provider.release(connection);
                throw e;
            }
        } finally {
            opening = null;
            Thread.interrupted(); // a late cancel() must not leave the worker interrupted
        }
    }

    private void checkCancelled() throws InterruptedException {
        if (cancelled) {
            throw new InterruptedException("cancelled");
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        Thread t = opening;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Where this source's connections come from (a new tab to the same host shares it). */
    public ConnectionProvider provider() {
        return provider;
    }

    /** The working directory the shell last announced with OSC 7, if it does. Any thread. */
    public Optional<String> reportedDirectory() {
        return directory.directory();
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
