package dev.skiff.ssh.knownhosts;

import dev.skiff.ssh.HostKeyRejectedException;
import dev.skiff.ssh.keys.SshPublicKey;
import java.util.List;

/**
 * Decides whether a server's host key is accepted. Called once per connection, on the thread that
 * connects, after the first key exchange and before any credential is sent. May block (ask a user).
 */
public interface HostKeyVerifier {
    /**
     * @param host the host name as the user gave it (before HostName resolution when known)
     * @param port the TCP port
     * @throws HostKeyRejectedException when the key is not accepted
     */
    void verify(String host, int port, SshPublicKey key) throws HostKeyRejectedException;

    /**
     * Key types already known for this host, best first: the transport puts host key algorithms
     * for these types first in its offer (as OpenSSH does).
     */
    default List<String> knownKeyTypes(String host, int port) {
        return List.of();
    }

    /** Accepts every key; for keyscan and tests only. */
    HostKeyVerifier ACCEPT_ALL = (host, port, key) -> { };
}
