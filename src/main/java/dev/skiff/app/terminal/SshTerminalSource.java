package dev.skiff.app.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.config.SessionEnvironment;
import dev.skiff.ssh.connection.PtyRequest;
import dev.skiff.ssh.connection.SessionChannel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An SSH terminal: asks its {@link ConnectionProvider} for an authenticated connection, opens a
 * session channel with {@code pty-req} ({@value #TERM}) and {@code shell}, and returns an
 * {@link SshTtyConnector}. The provider may add environment variables (sent as {@code env}
 * requests between {@code pty-req} and {@code shell}, as OpenSSH does) and notices shown at the
 * top of the terminal. The connection is handed back with {@link ConnectionProvider#release} when
 * the terminal ends (a shared connection stays open for other tabs).
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

        /** Worker thread: the variables a new session on {@code connection} sends ({@code env} requests). */
        default SessionEnvironment environment(SshConnection connection) {
            return SessionEnvironment.NONE;
        }

        /**
         * Worker thread: lines to show at the top of a new terminal on {@code connection} (warnings
         * from setting the connection up, e.g. a forward that could not be started), as OpenSSH
         * prints them on the terminal. Empty by default.
         */
        default List<String> notices(SshConnection connection) {
            return List.of();
        }
    }

    private final String displayName;
    private final ConnectionProvider provider;
    private volatile Thread opening;
    private volatile boolean cancelled;
    private final Osc7Tracker directory = new Osc7Tracker();
    private final TerminalProfile profile;

    public SshTerminalSource(String displayName, ConnectionProvider provider) {
        this(displayName, provider, TerminalProfile.DEFAULT);
    }

    /** @param profile the terminal's colours (a saved host's terminal profile) */
    public SshTerminalSource(String displayName, ConnectionProvider provider, TerminalProfile profile) {
        this.displayName = Objects.requireNonNull(displayName);
        this.provider = Objects.requireNonNull(provider);
        this.profile = Objects.requireNonNull(profile);
    }

    @Override
    public TerminalProfile profile() {
        return profile;
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
                    provider.environment(connection).sendTo(session);
                    session.shell();
                    checkCancelled();
                } catch (Exception e) {
                    session.close();
                    throw e;
                }
                return new SshTtyConnector(session, displayName, preface(provider.notices(connection)),
                        () -> provider.release(connection), directory);
            } catch (Exception e) {
                provider.release(connection);
                throw e;
            }
        } finally {
            opening = null;
            Thread.interrupted(); // a late cancel() must not leave the worker interrupted
        }
    }

    /** The notices as terminal text: one yellow line each, control characters made visible. */
    static String preface(List<String> notices) {
        StringBuilder b = new StringBuilder();
        for (String n : notices) {
            b.append("\u001b[33m").append(Controls.visible(n)).append("\u001b[0m\r\n");
        }
        return b.toString();
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
