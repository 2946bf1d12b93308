package dev.skiff.ssh.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Facts about the local side that configuration evaluation needs: the local user ({@code %u},
 * {@code Match localuser}, default {@code User}), the home directory ({@code ~}, {@code %d}),
 * the local host name ({@code %l}, {@code %L}, {@code %C}) and the environment ({@code ${VAR}}).
 * Injectable so tests are deterministic.
 *
 * @param user local user name
 * @param home home directory, used for {@code ~} (OpenSSH uses the password database's home, as
 *     Java's {@code user.home} does, not {@code $HOME})
 * @param hostname local host name as {@code gethostname()} reports it
 * @param env environment variables for {@code ${VAR}} expansion
 */
public record LocalContext(String user, Path home, String hostname, Map<String, String> env) {

    public LocalContext {
        env = Map.copyOf(env);
    }

    /** The current process's user, home directory, host name and environment. */
    public static LocalContext current() {
        return new LocalContext(System.getProperty("user.name"), Path.of(System.getProperty("user.home")),
                localHostname(), System.getenv());
    }

    /** A copy with another home directory. */
    public LocalContext withHome(Path newHome) {
        return new LocalContext(user, newHome, hostname, env);
    }

    /** The host name up to the first dot ({@code %L}). */
    public String shortHostname() {
        int dot = hostname.indexOf('.');
        return dot < 0 ? hostname : hostname.substring(0, dot);
    }

    private static String localHostname() {
        try {
            Path p = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(p)) {
                return Files.readString(p, StandardCharsets.US_ASCII).strip();
            }
        } catch (IOException e) {
            // fall through
        }
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isEmpty()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
