package dev.skiff.ssh.server;

import java.util.List;

/**
 * What a {@link ServerPolicy} knows about the authentication in progress on one connection: the
 * user name (untrusted client text), the peer address, the client's identification string, and
 * the methods that already succeeded partially on this connection, in order.
 */
public record AuthContext(String user, String peer, String clientVersion, List<String> completedMethods) {
    public AuthContext {
        completedMethods = List.copyOf(completedMethods);
    }

    /** Whether {@code method} already succeeded (partially) on this connection. */
    public boolean completed(String method) {
        return completedMethods.contains(method);
    }
}
