package dev.skiff.ssh.server;

import java.util.Map;

/**
 * What a session channel knows when its program starts: the authenticated user, the peer, the
 * environment the client set with {@code env} requests (only those the policy accepted), and the
 * terminal from {@code pty-req}, or null without one.
 */
public record SessionInfo(String user, String peer, Map<String, String> environment, PtyInfo pty) {
    public SessionInfo {
        environment = Map.copyOf(environment);
    }

    public boolean hasPty() {
        return pty != null;
    }
}
