package dev.skiff.app.terminal;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.connection.SessionChannel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Asks the server, over an existing connection, for the working directory of the interactive shell
 * this connection started (for "Follow terminal" when the shell does not emit OSC 7). A command on
 * a new channel lists the processes that share this connection's {@code SSH_CONNECTION} (set by
 * sshd to the client's address and port, so unique per connection), read from a terminal and lead
 * their session — the login shells of this connection's
 * terminal tabs — with the time their terminal last had input and their directory; the shell typed
 * into last wins. Needs {@code /proc} (Linux); elsewhere the answer is empty.
 *
 * <p>Any thread; the command runs on the given executor.
 */
public final class ShellDirectory {
    static final int MAX_OUTPUT = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** POSIX sh; prints "tty-atime TAB cwd" per shell of this connection. */
    static final String SCRIPT = "[ -n \"$SSH_CONNECTION\" ] || exit 0; for d in /proc/[0-9]*; do "
            + "e=$(tr '\\000' '\\n' < \"$d/environ\" 2>/dev/null) || continue; "
            + "case \"\n$e\n\" in *\"\nSSH_CONNECTION=$SSH_CONNECTION\n\"*) ;; *) continue ;; esac; "
            + "s=$(sed 's/.*) //' \"$d/stat\" 2>/dev/null | cut -d' ' -f4); [ \"$s\" = \"${d#/proc/}\" ] || continue; "
            + "t=$(readlink \"$d/fd/0\" 2>/dev/null); case \"$t\" in /dev/pts/*|/dev/tty*) ;; *) continue ;; esac; "
            + "c=$(readlink \"$d/cwd\" 2>/dev/null) || continue; "
            + "printf '%s\\t%s\\n' \"$(stat -c %X \"$t\" 2>/dev/null || echo 0)\" \"$c\"; done";

    private ShellDirectory() {
    }

    /** The directory of the shell on {@code connection} typed into last, or an empty string when unknown. */
    public static CompletableFuture<String> ask(SshConnection connection, Executor workers) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return pick(run(connection)).orElse("");
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, workers);
    }

    private static String run(SshConnection connection) throws IOException {
        SessionChannel s = connection.exec(SCRIPT);
        try {
            s.stdin().close();
            byte[] out = readBounded(s.stdout());
            s.waitFor(TIMEOUT);
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            s.close();
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] out = in.readNBytes(MAX_OUTPUT);
        in.skip(Long.MAX_VALUE);
        return out;
    }

    /** The directory on the line with the latest terminal input time (lines "seconds TAB path"). */
    static Optional<String> pick(String output) {
        String best = null;
        long bestTime = Long.MIN_VALUE;
        for (String line : output.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) {
                continue;
            }
            long time;
            try {
                time = Long.parseLong(line.substring(0, tab).trim());
            } catch (NumberFormatException e) {
                continue;
            }
            String dir = line.substring(tab + 1);
            if (dir.startsWith("/") && time >= bestTime) {
                best = dir;
                bestTime = time;
            }
        }
        return Optional.ofNullable(best);
    }
}
