package dev.skiff.ssh.server;

import java.net.InetSocketAddress;

/**
 * Makes the {@link ServerPolicy} of each new connection, so that a policy can keep per-connection
 * state: which key authenticated and with which restrictions (authorized_keys options), or log the
 * connection. Registered with {@link SshServer.Builder#policyFactory}.
 *
 * <p>Threads: called on the server's accept thread for every accepted socket (also those then
 * dropped by MaxStartups, which get {@link ServerPolicy#connectionClosed} at once): must not block.
 */
@FunctionalInterface
public interface ServerPolicyFactory {
    /** The policy for a connection from {@code peer} (the client's address and port); never null. */
    ServerPolicy forConnection(InetSocketAddress peer);
}
