package dev.skiff.ssh.forward;

import dev.skiff.ssh.transport.SshIo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The byte pipe of a ProxyCommand: a transport over a process's stdout (in) and stdin (out).
 * The process's stderr either passes through to ours ({@code stderr == null}) or is read line by
 * line (lines capped at {@link #MAX_LINE} characters, control characters made visible) on a daemon
 * thread {@code skiff-proxy-stderr-<pid>} and handed to a consumer (e.g. a log).
 *
 * <p>{@link #close()} destroys the process and its descendants (TERM, then KILL after
 * {@link #EXIT_WAIT}), which ends its stdout so a reader blocked in {@code in().read()} returns;
 * then it joins the stderr thread (bounded).
 */
public final class ProcessSshIo implements SshIo {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSshIo.class);
    public static final int MAX_LINE = 4096;
    public static final Duration EXIT_WAIT = Duration.ofSeconds(2);
    /** How long a process that closed its stdout may take to exit by itself. */
    public static final Duration GRACE = Duration.ofMillis(250);

    private final Process process;
    private final String peer;
    private final Thread stderrPump;
    private final InputStream stdout;
    private volatile boolean stdoutEnded;

    private ProcessSshIo(Process process, String peer, Consumer<String> stderr) {
        this.process = process;
        this.peer = peer;
        this.stdout = new java.io.FilterInputStream(process.getInputStream()) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }
        };
        if (stderr == null) {
            stderrPump = null;
        } else {
            stderrPump = new Thread(() -> pumpStderr(stderr), "skiff-proxy-stderr-" + process.pid());
            stderrPump.setDaemon(true);
            stderrPump.start();
        }
    }

    /**
     * Starts {@code /bin/sh -c "exec <command>"} (OpenSSH's way of running a ProxyCommand; tokens
     * must be expanded already, see {@link ProxyCommand#expand}).
     *
     * @param stderr receives the process's stderr lines, or null to pass stderr through to ours
     */
    public static ProcessSshIo start(String command, Consumer<String> stderr) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "exec " + command);
        pb.redirectError(stderr == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        return new ProcessSshIo(p, "proxy-command-" + p.pid(), stderr);
    }

    /** A consumer logging each stderr line at INFO, as OpenSSH shows a ProxyCommand's stderr. */
    public static Consumer<String> logStderr() {
        return line -> LOG.info("proxy command: {}", line);
    }

    public Process process() {
        return process;
    }

    private int ended(int n) {
        if (n < 0) {
            stdoutEnded = true;
        }
        return n;
    }

    @Override
    public InputStream in() {
        return stdout;
    }

    @Override
    public OutputStream out() {
        return process.getOutputStream();
    }

    @Override
    public String peer() {
        return peer;
    }

    private void pumpStderr(Consumer<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = r.read()) >= 0) {
                if (c == '\n') {
                    deliver(sink, line);
                } else if (line.length() < MAX_LINE) {
                    line.append(c < 0x20 && c != '\t' || c == 0x7f ? '?' : (char) c);
                }
            }
            if (line.length() > 0) {
                deliver(sink, line);
            }
        } catch (IOException e) {
            LOG.debug("{}: stderr ended: {}", peer, e.toString());
        }
    }

    private static void deliver(Consumer<String> sink, StringBuilder line) {
        String s = line.toString();
        line.setLength(0);
        try {
            sink.accept(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
        } catch (RuntimeException e) {
            LOG.warn("proxy command stderr consumer failed", e);
        }
    }

    /**
     * When the process already closed its stdout (it is failing), gives it {@link #GRACE} to exit
     * by itself so its last stderr lines are not lost; then signals TERM (then KILL after {@link #EXIT_WAIT}) to it and
     * its descendants, lets
     * the stderr thread read what is left (bounded), then closes the streams. Idempotent; a second
     * caller waits for the first.
     */
    @Override
    public synchronized void close() {
        ProcessHandle handle = process.toHandle();
        try {
            if (!stdoutEnded || !process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                // ProcessHandle.destroy only signals; Process.destroy would also discard unread stderr
                handle.descendants().forEach(ProcessHandle::destroy);
                handle.destroy();
            }
            if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
                process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (stderrPump != null && stderrPump != Thread.currentThread()) {
                stderrPump.join(EXIT_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy(); // closes stdin, stdout and stderr: unblocks anyone still reading
    }
}
