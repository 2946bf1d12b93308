package dev.skiff.cli.term;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The controlling terminal through {@code /dev/tty} and {@code stty} (POSIX): raw mode for
 * interactive sessions, echo-less reads for secrets, and the window size. Java has no termios
 * API; {@code stty} with its stdin redirected from /dev/tty does the same job.
 */
public final class Tty {
    private static final Path DEV_TTY = Path.of("/dev/tty");

    private Tty() {
    }

    /** True when a controlling terminal can be opened. */
    public static boolean available() {
        if (!Files.isReadable(DEV_TTY) || !Files.isWritable(DEV_TTY)) {
            return false;
        }
        try {
            return stty("-g").isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code stty args} on the controlling terminal; its output, or empty when it failed. */
    static Optional<String> stty(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(DEV_TTY.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.US_ASCII).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** True when this process's standard input is a terminal (like {@code isatty(0)}). */
    public static boolean stdinIsTerminal() {
        try {
            Process p = new ProcessBuilder("stty", "-g").redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Columns and rows of the terminal, or empty. */
    public static Optional<int[]> size() {
        return stty("size").flatMap(s -> {
            String[] parts = s.split("\\s+");
            try {
                return parts.length == 2 ? Optional.of(new int[] {Integer.parseInt(parts[1]), Integer.parseInt(parts[0])})
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Puts the terminal in raw mode (no echo, no line editing, no signals) and returns a handle
     * that restores the previous settings; restoring also happens at JVM exit.
     */
    public static RawMode raw() throws IOException {
        String saved = stty("-g").orElseThrow(() -> new IOException("cannot read the terminal settings"));
        if (stty("raw", "-echo").isEmpty()) {
            throw new IOException("cannot switch the terminal to raw mode");
        }
        RawMode mode = new RawMode(saved);
        Runtime.getRuntime().addShutdownHook(new Thread(mode::restore, "tty-restore"));
        return mode;
    }

    /** Restores saved terminal settings once. */
    public static final class RawMode implements AutoCloseable {
        private final String saved;
        private boolean restored;

        RawMode(String saved) {
            this.saved = saved;
        }

        public synchronized void restore() {
            if (!restored) {
                restored = true;
                stty(saved);
            }
        }

        @Override
        public void close() {
            restore();
        }
    }

    /** Reads a line from /dev/tty with echo off (for secrets); the prompt goes to /dev/tty. */
    public static char[] readSecret(String prompt) throws IOException {
        String saved = stty("-g").orElseThrow(() -> new IOException("no controlling terminal"));
        try (var out = Files.newOutputStream(DEV_TTY); var in = Files.newInputStream(DEV_TTY)) {
            out.write(prompt.getBytes(StandardCharsets.UTF_8));
            out.flush();
            stty("-echo");
            try {
                return Secrets.readLine(in);
            } finally {
                stty(saved);
                out.write('\n');
                out.flush();
            }
        }
    }

    /** Reads a line with echo on (keyboard-interactive prompts that ask for echo). */
    public static String readLine(String prompt) throws IOException {
        try (var out = Files.newOutputStream(DEV_TTY); var in = Files.newInputStream(DEV_TTY)) {
            out.write(prompt.getBytes(StandardCharsets.UTF_8));
            out.flush();
            char[] line = Secrets.readLine(in);
            String s = new String(line);
            java.util.Arrays.fill(line, '\0');
            return s;
        }
    }
}
