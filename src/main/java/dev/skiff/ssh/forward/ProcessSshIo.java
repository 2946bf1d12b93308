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

    private final Process process;
    private final String peer;
    private final Thread stderrPump;

    private ProcessSshIo(Process process, String peer, Consumer<String> stderr) {
        this.process = process;
        this.peer = peer;
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

    @Override
    public InputStream in() {
        return process.getInputStream();
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

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the process is gone
        }
        if (stderrPump != null && stderrPump != Thread.currentThread()) {
            try {
                stderrPump.join(EXIT_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
