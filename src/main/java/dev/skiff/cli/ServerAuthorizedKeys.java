package dev.skiff.cli;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.keys.PublicKeyFiles;
import dev.skiff.ssh.keys.SshPublicKey;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * An OpenSSH authorized_keys file for {@code skiff server}: {@code [options] keytype base64 [comment]}
 * per line, {@code #} comments and blank lines ignored. Options are those of {@link ServerKeyOptions};
 * a line with an option the server does not honour, or a key it cannot read, is skipped with a
 * warning naming the line (the server then starts without that key). Immutable; thread-safe.
 */
final class ServerAuthorizedKeys {
    /** One usable line. */
    record Entry(SshPublicKey key, ServerKeyOptions options, int line) {
    }

    private final List<Entry> entries;

    private ServerAuthorizedKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static ServerAuthorizedKeys load(Path file, Consumer<String> warnings) throws IOException {
        if (Files.size(file) > 4 << 20) {
            throw new SshException("authorized keys file " + file + " is larger than 4 MiB");
        }
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString(), warnings);
    }

    static ServerAuthorizedKeys parse(List<String> lines, String name, Consumer<String> warnings) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                entries.add(parseLine(line, i + 1));
            } catch (ServerKeyOptions.UnsupportedOptionException | KeyFormatException e) {
                warnings.accept(name + ":" + (i + 1) + ": " + e.getMessage() + "; key skipped");
            }
        }
        return new ServerAuthorizedKeys(entries);
    }

    static Entry parseLine(String line, int number) throws ServerKeyOptions.UnsupportedOptionException, KeyFormatException {
        String[] tokens = line.split("\\s+", 3);
        if (tokens.length >= 2 && tokens[1].startsWith("AAAA")) {
            return new Entry(PublicKeyFiles.parse(line).key(), ServerKeyOptions.NONE, number);
        }
        int end = optionsEnd(line);
        ServerKeyOptions options = ServerKeyOptions.parse(line.substring(0, end));
        return new Entry(PublicKeyFiles.parse(line.substring(end).strip()).key(), options, number);
    }

    /** Index of the first blank outside double quotes. */
    private static int optionsEnd(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted && i + 1 < line.length()) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ' ' || c == '\t')) {
                return i;
            }
        }
        return line.length();
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * The first line for this key whose {@code from=} (if any) admits {@code peer}, or null: the key
     * is not authorized from there.
     */
    Entry find(SshPublicKey key, InetAddress peer) {
        byte[] blob = key.blob();
        for (Entry e : entries) {
            if (Arrays.equals(e.key().blob(), blob)
                    && (e.options().from().isEmpty() || ServerAddressPatterns.fromAllows(e.options().from(), peer))) {
                return e;
            }
        }
        return null;
    }

    /** Whether some line has this key (whatever its from=), for log messages. */
    boolean contains(SshPublicKey key) {
        byte[] blob = key.blob();
        return entries.stream().anyMatch(e -> Arrays.equals(e.key().blob(), blob));
    }
}
