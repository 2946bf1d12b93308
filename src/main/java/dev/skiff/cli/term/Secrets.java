package dev.skiff.cli.term;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Asking for secrets the way OpenSSH does: from the controlling terminal, or through the
 * program named by {@code SSH_ASKPASS} — always when {@code SSH_ASKPASS_REQUIRE=force}, when
 * "prefer" and it is set, and when there is no terminal but a display. Secrets stay in char
 * arrays the caller wipes.
 */
public final class Secrets {
    /** Longest secret line accepted. */
    static final int MAX_LINE = 8192;

    private Secrets() {
    }

    /** Asks with echo off (password, passphrase); null when the user gave nothing back (cancelled). */
    public static char[] ask(String prompt, Map<String, String> env) throws IOException {
        if (useAskpass(env)) {
            return askpass(env.get("SSH_ASKPASS"), prompt);
        }
        if (Tty.available()) {
            return Tty.readSecret(prompt);
        }
        throw new IOException("cannot ask \"" + prompt.trim() + "\": no terminal, and SSH_ASKPASS is not usable");
    }

    /** Asks with echo (a keyboard-interactive prompt with echo on). */
    public static String askVisible(String prompt, Map<String, String> env) throws IOException {
        if (useAskpass(env)) {
            char[] c = askpass(env.get("SSH_ASKPASS"), prompt);
            return c == null ? null : new String(c);
        }
        if (Tty.available()) {
            return Tty.readLine(prompt);
        }
        throw new IOException("cannot ask \"" + prompt.trim() + "\": no terminal");
    }

    static boolean useAskpass(Map<String, String> env) {
        String program = env.get("SSH_ASKPASS");
        boolean have = program != null && !program.isEmpty();
        String require = env.getOrDefault("SSH_ASKPASS_REQUIRE", "");
        switch (require) {
            case "force":
                return have;
            case "never":
                return false;
            case "prefer":
                return have;
            default:
                boolean display = env.containsKey("DISPLAY") || env.containsKey("WAYLAND_DISPLAY");
                return have && display && !Tty.available();
        }
    }

    /** Runs the askpass program with the prompt as its argument; its first output line is the answer. */
    static char[] askpass(String program, String prompt) throws IOException {
        Process p = new ProcessBuilder(List.of(program, prompt)).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        char[] answer = readLine(p.getInputStream());
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                Arrays.fill(answer, '\0');
                return null; // askpass cancelled
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking for a secret", e);
        }
        return answer;
    }

    /** Reads bytes up to a newline (not included) as UTF-8 chars, wiping intermediate buffers. */
    static char[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                buf.write(b);
            }
            if (buf.size() > MAX_LINE) {
                throw new IOException("input line too long");
            }
        }
        byte[] bytes = buf.toByteArray();
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] out = Arrays.copyOf(chars.array(), chars.limit());
        Arrays.fill(bytes, (byte) 0);
        Arrays.fill(chars.array(), '\0');
        return out;
    }
}
