package dev.skiff.app.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.connection.SessionChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JediTermFX {@link TtyConnector} over an SSH session channel that already has a pty and a shell.
 * Resizes send {@code window-change} (RFC 4254 section 6.7). UTF-8 both ways.
 *
 * <p>Threads: {@link #read} on JediTerm's emulator thread, {@link #write} on the FX thread or
 * JediTerm's executor, {@link #resize} on JediTerm's scheduler; all may block briefly on the SSH
 * window. {@link #close} closes the channel, which wakes a blocked {@code read} with end of stream,
 * then runs the {@code onClose} hook once (e.g. to release a connection this session owned).
 */
public final class SshTtyConnector implements TtyConnector {
    private final SessionChannel session;
    private final String name;
    private final Reader reader;
    private final OutputStream stdin;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Osc7Tracker directory;

    public SshTtyConnector(SessionChannel session, String name, Runnable onClose) {
        this(session, name, "", onClose, new Osc7Tracker());
    }

    /**
     * @param preface text the terminal shows before the session's output (e.g. warnings)
     * @param directory told the working directories the shell announces (OSC 7)
     */
    public SshTtyConnector(SessionChannel session, String name, String preface, Runnable onClose,
            Osc7Tracker directory) {
        this.directory = directory;
        this.session = session;
        this.name = name;
        this.onClose = onClose;
        this.reader = new InputStreamReader(preface.isEmpty() ? session.stdout() : new SequenceInputStream(
                new ByteArrayInputStream(preface.getBytes(StandardCharsets.UTF_8)), session.stdout()),
                StandardCharsets.UTF_8);
        this.stdin = session.stdin();
    }

    @Override
    public int read(char[] buf, int offset, int length) throws IOException {
        int n = reader.read(buf, offset, length);
        if (n > 0) {
            directory.scan(buf, offset, n);
        }
        return n;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        stdin.write(bytes);
        stdin.flush();
    }

    @Override
    public void write(String string) throws IOException {
        write(string.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isConnected() {
        return session.isOpen() && !closed.get();
    }

    @Override
    public void resize(TermSize size) {
        if (!isConnected()) {
            return;
        }
        try {
            session.windowChange(size.getColumns(), size.getRows(), 0, 0);
        } catch (SshException e) {
            // the channel is going away; the emulator notices on its next read
        }
    }

    @Override
    public int waitFor() throws InterruptedException {
        try {
            ExitStatus s = session.exitFuture().get();
            return s.code();
        } catch (ExecutionException e) {
            return -1;
        }
    }

    @Override
    public boolean ready() throws IOException {
        return reader.ready();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                session.close();
            } finally {
                onClose.run();
            }
        }
    }
}
