package dev.skiff.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A long-running server program started by a test fixture: its process, its log files, and a
 * shutdown hook so that a forgotten {@code close()} does not leave a daemon behind.
 */
final class PeerProcess implements AutoCloseable {

    /** The server exited before it listened because its port was taken meanwhile; retry with another. */
    static final class PortTakenException extends Exception {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }

    private final String name;
    private final Process process;
    private final List<Path> logFiles;
    private final Thread shutdownHook;
    private volatile String logAtClose;

    private PeerProcess(String name, Process process, List<Path> logFiles) {
        this.name = name;
        this.process = process;
        this.logFiles = logFiles;
        this.shutdownHook = new Thread(() -> kill(process), "kill-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} with stdin from {@code /dev/null} and stdout + stderr into
     * {@code outputFile}. {@code moreLogs} are other files the program writes its log to.
     */
    static PeerProcess start(String name, List<String> command, Path outputFile, Path... moreLogs) {
        List<Path> logs = new ArrayList<>();
        logs.add(outputFile);
        logs.addAll(List.of(moreLogs));
        try {
            for (Path log : logs) {
                Files.deleteIfExists(log);
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile())
                    .redirectInput(new File("/dev/null"))
                    .start();
            return new PeerProcess(name, process, logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    /**
     * Waits until {@code port} on 127.0.0.1 answers with an SSH identification line starting with
     * {@code bannerPrefix}, which shows that this process (and not another one) listens there.
     *
     * @throws PortTakenException if the process exited because the port was in use (it is closed)
     * @throws IllegalStateException if it exited for another reason or did not answer in time (it is closed)
     */
    void awaitBanner(int port, String bannerPrefix, Duration timeout) throws PortTakenException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "nothing tried";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                String log = logText();
                if (log.contains("Address already in use")) {
                    throw new PortTakenException(name + ": port " + port + " was taken");
                }
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before listening on port " + port + ". Log:\n" + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                socket.setSoTimeout(2000);
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                String line = in.readLine();
                if (line != null && line.startsWith(bannerPrefix)) {
                    return;
                }
                lastProblem = "port " + port + " answered " + line;
            } catch (IOException e) {
                lastProblem = e.toString();
            }
            sleep(50);
        }
        close();
        throw new IllegalStateException(name + " did not answer on port " + port + " within " + timeout
                + " (" + lastProblem + "). Log:\n" + logText());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The log files' contents (the live files while running, a snapshot after {@link #close()}). */
    String logText() {
        String snapshot = logAtClose;
        return snapshot != null ? snapshot : readLogs();
    }

    /** Terminates the process and its children (SIGTERM, then SIGKILL after 5 s) and waits for it. */
    @Override
    public void close() {
        if (logAtClose != null) {
            return;
        }
        kill(process);
        logAtClose = readLogs();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway, harmlessly
        }
    }

    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private String readLogs() {
        StringBuilder text = new StringBuilder();
        for (Path log : logFiles) {
            try {
                if (Files.exists(log)) {
                    text.append(Files.readString(log, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                text.append("[cannot read ").append(log).append(": ").append(e).append("]\n");
            }
        }
        return text.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a test server", e);
        }
    }

    /** Deletes a fixture's directory unless {@code -Dskiff.keepPeerFiles=true} asks to keep it for debugging. */
    static void deleteDirectory(Path directory) {
        if (Boolean.getBoolean("skiff.keepPeerFiles") || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // leftovers in the temp directory are harmless
        }
    }
}
