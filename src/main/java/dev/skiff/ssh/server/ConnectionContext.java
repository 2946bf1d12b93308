package dev.skiff.ssh.server;

import java.util.Map;

/** What the channels of one authenticated server connection share. */
/**
 * What a server connection's channels know about it once authenticated.
 *
 * @param sshConnection the value of {@code SSH_CONNECTION} for its sessions: "client-address client-port
 *     server-address server-port", as sshd sets it
 */
record ConnectionContext(String name, String user, String peer, String sshConnection, ServerPolicy policy,
        Map<String, SubsystemFactory> subsystems, ServerThreads threads, ServerLimits limits) {
}
