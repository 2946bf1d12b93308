package dev.skiff.cli;

import dev.skiff.ssh.SshException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code --password-file} of {@code skiff server}: one {@code user:hash} line per login name,
 * the hash as {@link ServerPasswordHash} writes it ({@code skiff server --hash-password} prints such
 * lines). Blank lines and lines starting with {@code #} are ignored. A line that is not a valid
 * hash (plain text included) is refused at load time with a warning naming the line, never its
 * content. Immutable after loading; {@link #check} is thread-safe and takes the same time whether
 * or not the user exists.
 */
final class ServerPasswordFile {
    private static final ServerPasswordHash DUMMY = ServerPasswordHash.parse(
            ServerPasswordHash.create("no such user".toCharArray(), ServerPasswordHash.DEFAULT_ITERATIONS));

    private final Map<String, ServerPasswordHash> users;

    private ServerPasswordFile(Map<String, ServerPasswordHash> users) {
        this.users = Map.copyOf(users);
    }

    static ServerPasswordFile load(Path file, Consumer<String> warnings) throws IOException {
        if (Files.size(file) > 1 << 20) {
            throw new SshException("password file " + file + " is larger than 1 MiB");
        }
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString(), warnings);
    }

    static ServerPasswordFile parse(List<String> lines, String name, Consumer<String> warnings) {
        Map<String, ServerPasswordHash> users = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                warnings.accept(name + ":" + (i + 1) + ": expected user:hash; line skipped");
                continue;
            }
            try {
                users.put(line.substring(0, colon), ServerPasswordHash.parse(line.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                warnings.accept(name + ":" + (i + 1) + ": " + e.getMessage() + "; line skipped");
            }
        }
        return new ServerPasswordFile(users);
    }

    int size() {
        return users.size();
    }

    /** Whether {@code user} is listed and {@code password} matches its hash. */
    boolean check(String user, char[] password) {
        ServerPasswordHash h = users.get(user);
        if (h == null) {
            DUMMY.matches(password); // same work as for a real user
            return false;
        }
        return h.matches(password);
    }
}
