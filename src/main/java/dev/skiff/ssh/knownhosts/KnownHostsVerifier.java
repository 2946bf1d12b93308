package dev.skiff.ssh.knownhosts;

import dev.skiff.ssh.HostKeyRejectedException;
import dev.skiff.ssh.keys.SshPublicKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies host keys against OpenSSH known_hosts files, like {@code ssh} with
 * {@code UserKnownHostsFile} and {@code GlobalKnownHostsFile}.
 *
 * <p>All files are read on every {@link #verify} (so edits by other programs count); the first
 * file is the user's and is the only one written to. Outcomes:
 * <ul>
 * <li>{@link HostKeyStatus#OK}: accepted.</li>
 * <li>{@link HostKeyStatus#REVOKED} or {@link HostKeyStatus#CHANGED}: always rejected, whatever the
 *     policy. Skiff is stricter than OpenSSH here: {@code StrictHostKeyChecking no} does not let a
 *     changed key through.</li>
 * <li>{@link HostKeyStatus#NEW}: {@link StrictHostKeyChecking#YES} rejects;
 *     {@link StrictHostKeyChecking#ACCEPT_NEW} and {@link StrictHostKeyChecking#NO} accept and
 *     append the key to the user's file; {@link StrictHostKeyChecking#ASK} asks the
 *     {@link UnknownHostPrompt} (rejects when there is none or it declines) and appends if
 *     accepted. A failed append is logged and the key is still accepted for this connection.</li>
 * </ul>
 * A file that exists but cannot be read makes verification fail (a changed key could go unseen).
 *
 * <p>Thread-safe; {@link #verify} blocks on file I/O and on the prompt.
 */
public final class KnownHostsVerifier implements HostKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsVerifier.class);

    private final List<Path> files;
    private final StrictHostKeyChecking policy;
    private final UnknownHostPrompt prompt;
    private final boolean hashHostnames;

    /**
     * @param files known_hosts files, the user's (written to) first, then read-only ones such as
     *     {@code /etc/ssh/ssh_known_hosts}; at least one
     * @param policy what to do with unknown keys
     * @param prompt asks the user under {@link StrictHostKeyChecking#ASK}; may be {@code null}
     * @param hashHostnames hash host names of appended lines ({@code HashKnownHosts})
     */
    public KnownHostsVerifier(List<Path> files, StrictHostKeyChecking policy, UnknownHostPrompt prompt,
            boolean hashHostnames) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one known_hosts file is needed");
        }
        this.files = List.copyOf(files);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.prompt = prompt;
        this.hashHostnames = hashHostnames;
    }

    /** A verifier that does not hash appended host names. */
    public KnownHostsVerifier(List<Path> files, StrictHostKeyChecking policy, UnknownHostPrompt prompt) {
        this(files, policy, prompt, false);
    }

    /**
     * OpenSSH's default files: {@code ~/.ssh/known_hosts}, {@code ~/.ssh/known_hosts2},
     * {@code /etc/ssh/ssh_known_hosts}, {@code /etc/ssh/ssh_known_hosts2}.
     */
    public static List<Path> defaultFiles(Path home) {
        Path ssh = home.resolve(".ssh");
        return List.of(ssh.resolve("known_hosts"), ssh.resolve("known_hosts2"),
                Path.of("/etc/ssh/ssh_known_hosts"), Path.of("/etc/ssh/ssh_known_hosts2"));
    }

    /** The file new keys are appended to. */
    public Path userFile() {
        return files.get(0);
    }

    @Override
    public void verify(String host, int port, SshPublicKey key) throws HostKeyRejectedException {
        List<KnownHostsEntry> entries = new ArrayList<>();
        for (Path file : files) {
            try {
                entries.addAll(KnownHostsFile.load(file).entries());
            } catch (IOException e) {
                HostKeyRejectedException rejected =
                        new HostKeyRejectedException(HostKeyMessages.unreadable(host, port, file, e));
                rejected.initCause(e);
                throw rejected;
            }
        }
        HostKeyLookup lookup = HostKeyLookup.find(entries, host, port, key.keyType(), key.blob());
        switch (lookup.status()) {
            case OK:
                return;
            case REVOKED:
                throw new HostKeyRejectedException(HostKeyMessages.revoked(host, port, key, lookup));
            case CHANGED:
                throw new HostKeyRejectedException(HostKeyMessages.changed(host, port, key, lookup));
            case NEW:
                acceptNew(host, port, key, lookup);
                return;
            default:
                throw new IllegalStateException("unhandled status " + lookup.status());
        }
    }

    private void acceptNew(String host, int port, SshPublicKey key, HostKeyLookup lookup)
            throws HostKeyRejectedException {
        switch (policy) {
            case YES:
                throw new HostKeyRejectedException(HostKeyMessages.unknownStrict(host, port, key, lookup, userFile()));
            case ACCEPT_NEW:
            case NO:
                record(host, port, key);
                return;
            case ASK:
                if (prompt == null) {
                    throw new HostKeyRejectedException(HostKeyMessages.cannotAsk(host, port, key));
                }
                if (!prompt.acceptNewKey(host, port, key)) {
                    throw new HostKeyRejectedException(HostKeyMessages.declined(host, port, key));
                }
                record(host, port, key);
                return;
            default:
                throw new IllegalStateException("unhandled policy " + policy);
        }
    }

    private void record(String host, int port, SshPublicKey key) {
        try {
            KnownHostsFile.load(userFile()).append(host, port, key, hashHostnames);
            LOG.info("Added {} key for {} to {}", key.keyType(), HostPatterns.lookupName(host, port), userFile());
        } catch (IOException e) {
            LOG.warn("Could not add the {} key for {} to {}: {}", key.keyType(),
                    HostPatterns.lookupName(host, port), userFile(), e.toString());
        }
    }

    /** Distinct key types known for the host over all files, user file first; unreadable files are skipped. */
    @Override
    public List<String> knownKeyTypes(String host, int port) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (Path file : files) {
            try {
                types.addAll(KnownHostsFile.load(file).knownKeyTypes(host, port));
            } catch (IOException e) {
                LOG.debug("Cannot read {}: {}", file, e.toString());
            }
        }
        return List.copyOf(types);
    }
}
