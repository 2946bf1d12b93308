package dev.skiff.ssh.server;

import java.util.Map;

/** What the channels of one authenticated server connection share. */
record ConnectionContext(String name, String user, String peer, ServerPolicy policy,
        Map<String, SubsystemFactory> subsystems, ServerThreads threads, ServerLimits limits) {
}
