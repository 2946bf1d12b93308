package dev.skiff.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived external program (ssh-keygen, ssh-keyscan, ...) and collects its output. */
public final class Exec {

    /** The command, its exit code, and its stdout and stderr interleaved. */
    public record Result(List<String> command, int exitCode, String output) {

        /** Returns this result, or throws with the command and its output if it did not exit with 0. */
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited with " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    private Exec() {
    }

    /**
     * Runs {@code command} with stdin from {@code /dev/null}; kills it (and its children) and throws
     * if it takes longer than {@code timeout}.
     */
    public static Result run(Duration timeout, String... command) {
        List<String> cmd = List.of(command);
        String shown = String.join(" ", cmd);
        Path out = null;
        try {
            out = Files.createTempFile("skiff-exec-", ".out");
            Process process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(new File("/dev/null"))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(shown + " did not finish within " + timeout + ":\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Result(cmd, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + shown, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + shown, e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** Runs {@code command} with a 60 s timeout, requires exit code 0 and returns its output. */
    public static String output(String... command) {
        return run(Duration.ofSeconds(60), command).requireSuccess().output();
    }
}
