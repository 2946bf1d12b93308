package dev.skiff.ssh.knownhosts;

import dev.skiff.ssh.keys.SshPublicKey;

/**
 * Asks the user whether to trust a host key that is not in known_hosts
 * ({@link StrictHostKeyChecking#ASK}). Called on the connecting worker thread, never the UI
 * thread; it may block until the user answers (a UI hands the question to its own thread and
 * waits with a timeout, answering {@code false} on timeout or cancel).
 */
@FunctionalInterface
public interface UnknownHostPrompt {
    /**
     * @param host the host name as given by the user
     * @param port the TCP port
     * @param key the key the server presented; show its type and {@link SshPublicKey#sha256Fingerprint()}
     * @return {@code true} to accept and record the key, {@code false} to refuse the connection
     */
    boolean acceptNewKey(String host, int port, SshPublicKey key);
}
