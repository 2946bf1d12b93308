package dev.skiff.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The log of {@code skiff server}: one line per event on stderr, {@code <UTC time> <text>}. Never
 * given secrets (passwords, keys): callers pass user names, addresses and fingerprints only, and
 * client-supplied text is made printable. Thread-safe.
 */
final class ServerLog {
    private final PrintWriter err;
    private final boolean verbose;

    ServerLog(PrintWriter err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    void info(String text) {
        synchronized (err) {
            err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + text);
            err.flush();
        }
    }

    /** Only with {@code -v}. */
    void debug(String text) {
        if (verbose) {
            info(text);
        }
    }

    boolean verbose() {
        return verbose;
    }

    /** Client text (user names, commands) with control characters shown as {@code \\xNN}, at most 200 chars. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 200; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
