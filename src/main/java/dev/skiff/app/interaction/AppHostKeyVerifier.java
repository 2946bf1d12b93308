package dev.skiff.app.interaction;

import dev.skiff.app.interaction.HostKeyQuestions.ChangedKeyDecision;
import dev.skiff.app.interaction.HostKeyQuestions.NewKeyDecision;
import dev.skiff.ssh.HostKeyRejectedException;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.knownhosts.HostKeyLookup;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.knownhosts.HostPatterns;
import dev.skiff.ssh.knownhosts.KnownHostsEntry;
import dev.skiff.ssh.knownhosts.KnownHostsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's host key policy over OpenSSH known_hosts files: Skiff's own file (the only one
 * written, first in lookups) and read-only ones such as {@code ~/.ssh/known_hosts}. All files are
 * read again on every {@link #verify}.
 * <ul>
 * <li>OK: accepted silently.</li>
 * <li>NEW: {@link HostKeyQuestions#unknownKey asks}: "Connect once" accepts for the lifetime of
 *     this object (a reconnect does not ask again), "Trust and save" appends the key to the save
 *     file ({@code [host]:port} for ports other than 22), Cancel rejects.</li>
 * <li>CHANGED: {@link HostKeyQuestions#changedKey asks}, rejecting unless the user confirmed a
 *     replacement; then the old lines are removed from the save file (atomic rewrite) and the new
 *     key appended. Old lines in other files stay, and the saved key takes precedence over them.</li>
 * <li>REVOKED: rejected with a message, without a question.</li>
 * </ul>
 * A file that exists but cannot be read rejects the key (a changed key could go unseen).
 *
 * <p>Thread-safe; {@link #verify} runs on the connecting worker and blocks on file I/O and on the
 * questions. A rejection is a {@link HostKeyRejectedException}.
 */
public final class AppHostKeyVerifier implements HostKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(AppHostKeyVerifier.class);

    private final Path saveFile;
    private final List<Path> files;
    private final HostKeyQuestions questions;
    private final Set<String> acceptedOnce = ConcurrentHashMap.newKeySet();

    /**
     * @param saveFile Skiff's known_hosts file: read first, and the only file written
     * @param readOnlyFiles further files to read, e.g. {@link #userKnownHosts}; missing ones are fine
     * @param questions asks the user about new and changed keys
     */
    public AppHostKeyVerifier(Path saveFile, List<Path> readOnlyFiles, HostKeyQuestions questions) {
        this.saveFile = Objects.requireNonNull(saveFile, "saveFile");
        this.questions = Objects.requireNonNull(questions, "questions");
        List<Path> all = new ArrayList<>();
        all.add(saveFile);
        all.addAll(readOnlyFiles);
        this.files = List.copyOf(all);
    }

    /** OpenSSH's per-user file, {@code ~/.ssh/known_hosts}. */
    public static Path userKnownHosts(Path home) {
        return home.resolve(".ssh").resolve("known_hosts");
    }

    public Path saveFile() {
        return saveFile;
    }

    @Override
    public void verify(String host, int port, SshPublicKey key) throws HostKeyRejectedException {
        HostKeyLookup lookup = HostKeyLookup.find(readAll(host, port), host, port, key.keyType(), key.blob());
        PresentedHostKey presented = PresentedHostKey.of(host, port, key);
        switch (lookup.status()) {
            case OK:
                return;
            case REVOKED:
                throw new HostKeyRejectedException("The host key of " + presented.displayName() + " ("
                        + key.keyType() + " " + key.sha256Fingerprint() + ") is REVOKED: it is marked @revoked at "
                        + locations(lookup.evidence()) + ". Skiff never connects with a revoked key.");
            case CHANGED:
                verifyChanged(presented, key, lookup.evidence());
                return;
            case NEW:
                verifyNew(presented, key);
                return;
            default:
                throw new IllegalStateException("unhandled status " + lookup.status());
        }
    }

    private void verifyNew(PresentedHostKey presented, SshPublicKey key) throws HostKeyRejectedException {
        String memoryKey = memoryKey(presented.host(), presented.port(), key);
        if (acceptedOnce.contains(memoryKey)) {
            return;
        }
        NewKeyDecision decision = questions.unknownKey(presented);
        switch (decision == null ? NewKeyDecision.CANCEL : decision) {
            case CONNECT_ONCE:
                acceptedOnce.add(memoryKey);
                return;
            case TRUST_AND_SAVE:
                save(presented, key);
                return;
            default:
                throw new HostKeyRejectedException("The host key of " + presented.displayName()
                        + " was not accepted (" + key.keyType() + " " + key.sha256Fingerprint() + ").");
        }
    }

    private void verifyChanged(PresentedHostKey presented, SshPublicKey key, List<KnownHostsEntry> evidence)
            throws HostKeyRejectedException {
        List<StoredHostKey> stored = new ArrayList<>();
        for (KnownHostsEntry e : evidence) {
            stored.add(new StoredHostKey(e.location(), e.keyType(), StoredHostKey.sha256Fingerprint(e.blob()),
                    isSaveFile(e.file())));
        }
        if (questions.changedKey(presented, stored) != ChangedKeyDecision.REPLACE) {
            throw new HostKeyRejectedException("The host key of " + presented.displayName() + " has CHANGED: the server"
                    + " presented " + key.keyType() + " " + key.sha256Fingerprint() + ", but a different key is stored at "
                    + locations(evidence) + ". Someone could be intercepting the connection (man-in-the-middle attack),"
                    + " or the server's key was replaced. The connection was refused.");
        }
        List<KnownHostsEntry> ownLines = evidence.stream().filter(e -> isSaveFile(e.file())).toList();
        synchronized (this) {
            try {
                KnownHostsRewriter.removeLines(saveFile, ownLines);
            } catch (IOException e) {
                HostKeyRejectedException rejected = new HostKeyRejectedException("Cannot replace the host key of "
                        + presented.displayName() + " in " + saveFile + ": " + e.getMessage());
                rejected.initCause(e);
                throw rejected;
            }
        }
        LOG.info("Replacing the {} key of {} (old lines: {})", key.keyType(), presented.displayName(), locations(evidence));
        save(presented, key);
    }

    /** Appends the key; on failure the key is still accepted for this run (and the user told in the log). */
    private synchronized void save(PresentedHostKey presented, SshPublicKey key) {
        try {
            KnownHostsFile.load(saveFile).append(presented.host(), presented.port(), key, false);
            LOG.info("Saved the {} key of {} in {}", key.keyType(), presented.displayName(), saveFile);
        } catch (IOException e) {
            LOG.warn("Could not save the {} key of {} in {}: {}", key.keyType(), presented.displayName(), saveFile,
                    e.toString());
            acceptedOnce.add(memoryKey(presented.host(), presented.port(), key));
        }
    }

    private List<KnownHostsEntry> readAll(String host, int port) throws HostKeyRejectedException {
        List<KnownHostsEntry> entries = new ArrayList<>();
        for (Path file : files) {
            try {
                entries.addAll(KnownHostsFile.load(file).entries());
            } catch (IOException e) {
                HostKeyRejectedException rejected = new HostKeyRejectedException("Cannot check the host key of "
                        + HostPatterns.lookupName(host, port) + ": " + file + " cannot be read (" + e.getMessage() + ").");
                rejected.initCause(e);
                throw rejected;
            }
        }
        return entries;
    }

    /** Distinct key types known for the host over all files, the save file first; unreadable files are skipped. */
    @Override
    public List<String> knownKeyTypes(String host, int port) {
        Set<String> types = new LinkedHashSet<>();
        for (Path file : files) {
            try {
                types.addAll(KnownHostsFile.load(file).knownKeyTypes(host, port));
            } catch (IOException e) {
                LOG.debug("Cannot read {}: {}", file, e.toString());
            }
        }
        return List.copyOf(types);
    }

    private boolean isSaveFile(Path file) {
        return file != null && file.toAbsolutePath().normalize().equals(saveFile.toAbsolutePath().normalize());
    }

    private static String memoryKey(String host, int port, SshPublicKey key) {
        return HostPatterns.lookupName(host, port) + " " + key.keyType() + " "
                + Base64.getEncoder().encodeToString(key.blob());
    }

    private static String locations(List<KnownHostsEntry> entries) {
        return String.join(", ", entries.stream().map(KnownHostsEntry::location).toList());
    }
}
