package dev.skiff.ssh.knownhosts;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.keys.SshPublicKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenSSH known_hosts file (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"): a snapshot of its lines
 * for lookups, and appending of new keys. The file is never rewritten: comments, blank lines and
 * invalid lines stay as they are; invalid lines are skipped for matching and logged at debug.
 * A missing file reads as empty.
 *
 * <p>Matching compares key type strings and raw key blobs only, so no key is decoded here. See
 * {@link HostKeyLookup} for the exact rules (revocation, changed keys, other key types).
 *
 * <p>Thread-safe: the snapshot is replaced atomically by {@link #reload} and {@link #append}.
 * Reading and appending block on file I/O.
 */
public final class KnownHostsFile {
    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsFile.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path path;
    private volatile Snapshot snapshot = new Snapshot(List.of(), List.of());

    /** Lines and entries of one read, replaced together. */
    private record Snapshot(List<KnownHostsLine> lines, List<KnownHostsEntry> entries) {
    }

    private KnownHostsFile(Path path) {
        this.path = path;
    }

    /**
     * Reads a file; a missing file gives an empty snapshot (it is created by the first append).
     *
     * @throws IOException if the file exists but cannot be read
     */
    public static KnownHostsFile load(Path path) throws IOException {
        KnownHostsFile file = new KnownHostsFile(path);
        file.reload();
        return file;
    }

    public Path path() {
        return path;
    }

    /** Reads the file again, picking up lines written by anyone since the last read. */
    public synchronized void reload() throws IOException {
        String content;
        try {
            content = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            content = "";
        }
        List<KnownHostsLine> parsed = parseLines(path, content);
        List<KnownHostsEntry> valid = new ArrayList<>();
        for (KnownHostsLine line : parsed) {
            line.entry().ifPresent(valid::add);
            if (line.kind() == KnownHostsLine.Kind.INVALID) {
                LOG.debug("{}:{}: skipping invalid known_hosts line: {}", path, line.number(), line.problem());
            }
        }
        snapshot = new Snapshot(List.copyOf(parsed), List.copyOf(valid));
    }

    /** Every line of the last snapshot, including comments, blank and invalid lines. */
    public List<KnownHostsLine> lines() {
        return snapshot.lines();
    }

    /** The valid entries of the last snapshot, in file order. */
    public List<KnownHostsEntry> entries() {
        return snapshot.entries();
    }

    /** Status of a key for a host; see {@link HostKeyLookup}. */
    public HostKeyStatus check(String host, int port, String keyType, byte[] blob) {
        return lookup(host, port, keyType, blob).status();
    }

    /** Status of a key for a host, by the key's type and blob. */
    public HostKeyStatus check(String host, int port, SshPublicKey key) {
        return check(host, port, key.keyType(), key.blob());
    }

    /** Status of a key for a host, with the lines that decided it. */
    public HostKeyLookup lookup(String host, int port, String keyType, byte[] blob) {
        return HostKeyLookup.find(entries(), host, port, keyType, blob);
    }

    /** Distinct key types on plain lines matching the host, in file order. */
    public List<String> knownKeyTypes(String host, int port) {
        return HostKeyLookup.knownKeyTypes(entries(), host, port);
    }

    /**
     * Appends {@code host keytype base64} ({@code [host]:port ...} for ports other than 22),
     * with the host name hashed under a fresh random 20-byte salt when asked, then re-reads the
     * file. Never rewrites other lines; safe against concurrent appenders (see
     * {@link KnownHostsAppender}); creates the file and its directory when missing.
     *
     * @param keyType the key type ({@code rsa-sha2-*} are stored as {@code ssh-rsa})
     * @throws SshException if the host name or key cannot be written as a valid line
     * @throws IOException if writing fails
     */
    public void append(String host, int port, String keyType, byte[] blob, boolean hashHostname)
            throws IOException {
        KnownHostsAppender.append(path, formatLine(host, port, keyType, blob, hashHostname));
        try {
            reload();
        } catch (IOException e) {
            LOG.warn("Appended to {} but could not read it back: {}", path, e.toString());
        }
    }

    /** Appends a key by its type and blob; see {@link #append(String, int, String, byte[], boolean)}. */
    public void append(String host, int port, SshPublicKey key, boolean hashHostname) throws IOException {
        append(host, port, key.keyType(), key.blob(), hashHostname);
    }

    /** Builds a line and checks that it parses back to an entry for this host and key. */
    static String formatLine(String host, int port, String keyType, byte[] blob, boolean hash)
            throws SshException {
        String name = HostPatterns.lookupName(host, port);
        String problem = hostNameProblem(name, hash);
        if (problem != null) {
            throw new SshException("Cannot record host name '" + host + "' in known_hosts: " + problem);
        }
        String type = HostKeyLookup.normalizeKeyType(keyType);
        String hostField = hash ? HashedHostName.create(name, RANDOM).encode() : name;
        String line = hostField + " " + type + " " + Base64.getEncoder().encodeToString(blob);
        KnownHostsLine parsed = KnownHostsLineParser.parse(null, 1, line);
        boolean ok = parsed.entry().map(e -> e.matchesHost(name) && e.holdsKey(type, blob)).orElse(false);
        if (!ok) {
            throw new SshException("Cannot record " + type + " key for " + name + " in known_hosts: "
                    + (parsed.problem().isEmpty() ? "line would not match the host" : parsed.problem()));
        }
        return line;
    }

    private static String hostNameProblem(String name, boolean hash) {
        if (!name.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
            return "it contains white space or control characters";
        }
        if (!hash && (name.startsWith("#") || name.startsWith("@") || name.startsWith("|")
                || name.chars().anyMatch(c -> ",*?!".indexOf(c) >= 0))) {
            return "it contains pattern characters";
        }
        return null;
    }

    /** Splits content into lines ({@code \n}, optional {@code \r} before it) and parses each. */
    static List<KnownHostsLine> parseLines(Path file, String content) {
        List<KnownHostsLine> out = new ArrayList<>();
        int start = 0;
        int number = 1;
        while (start < content.length()) {
            int nl = content.indexOf('\n', start);
            int end = nl < 0 ? content.length() : nl;
            String text = content.substring(start, end);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            out.add(KnownHostsLineParser.parse(file, number++, text));
            start = end + 1;
        }
        return out;
    }
}
