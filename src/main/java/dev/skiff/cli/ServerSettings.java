package dev.skiff.cli;

/**
 * What every connection of one {@code skiff server} shares: the credentials (either may be null),
 * the OS user every login maps to, whether other login names are accepted, the shell, whether
 * forwarding (ports, agent, X11) is on, and the log. Immutable.
 */
record ServerSettings(ServerAuthorizedKeys authorizedKeys, ServerPasswordFile passwords, String osUser,
        boolean anyUser, String shell, boolean allowForwarding, boolean allowAgentForwarding,
        boolean allowX11Forwarding, ServerLog log) {
}
