package dev.skiff.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code skiff server --hash-password}: reads a password (from the terminal without echo, asked
 * twice; else the first line of stdin) and returns the {@code user:hash} line for a password file.
 * The password arrays are wiped.
 */
final class ServerPasswordPrompt {
    private ServerPasswordPrompt() {
    }

    static String line(String user, Console console, InputStream stdin, int iterations) throws IOException {
        if (user.isEmpty() || user.contains(":") || user.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("user name must be non-empty without ':' or blanks");
        }
        char[] pw = console != null ? fromConsole(console) : fromStdin(stdin);
        try {
            if (pw.length == 0) {
                throw new IllegalArgumentException("empty password");
            }
            return user + ":" + ServerPasswordHash.create(pw, iterations);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    private static char[] fromConsole(Console console) {
        char[] a = console.readPassword("Password for the password file: ");
        char[] b = console.readPassword("Again: ");
        try {
            if (a == null || b == null || !Arrays.equals(a, b)) {
                throw new IllegalArgumentException("passwords do not match");
            }
            return a.clone();
        } finally {
            if (a != null) {
                Arrays.fill(a, '\0');
            }
            if (b != null) {
                Arrays.fill(b, '\0');
            }
        }
    }

    private static char[] fromStdin(InputStream stdin) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        char[] buf = new char[1024];
        int n = 0;
        int c;
        while (n < buf.length && (c = r.read()) >= 0 && c != '\n') {
            buf[n++] = (char) c;
        }
        if (n > 0 && buf[n - 1] == '\r') {
            n--;
        }
        char[] pw = Arrays.copyOf(buf, n);
        Arrays.fill(buf, '\0');
        return pw;
    }
}
