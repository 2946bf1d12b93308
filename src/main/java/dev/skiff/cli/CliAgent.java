package dev.skiff.cli;

import dev.skiff.ssh.AgentException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.agent.AgentClient;
import dev.skiff.ssh.agent.AgentForwarding;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.userauth.Identity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SSH agent for {@code skiff ssh}: its keys for publickey authentication (after the identity
 * files, unless IdentitiesOnly), and agent forwarding (-A / ForwardAgent). The agent socket is
 * IdentityAgent when set, else SSH_AUTH_SOCK; "none" disables it.
 */
final class CliAgent {
    private CliAgent() {
    }

    static Optional<Path> socket(HostConfig cfg, Map<String, String> env) {
        String ia = cfg.identityAgent().orElse("SSH_AUTH_SOCK");
        if (ia.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        if (ia.equals("SSH_AUTH_SOCK")) {
            String s = env.get("SSH_AUTH_SOCK");
            return s == null || s.isBlank() ? Optional.empty() : Optional.of(Path.of(s));
        }
        if (ia.startsWith("$")) {
            String s = env.get(ia.substring(1));
            return s == null || s.isBlank() ? Optional.empty() : Optional.of(Path.of(s));
        }
        return Optional.of(Path.of(ia));
    }

    /** The agent's keys; empty (with a debug-level note only) when there is no agent. */
    static List<Identity> identities(HostConfig cfg, Map<String, String> env, CliInteraction ui) {
        Optional<Path> socket = socket(cfg, env);
        if (socket.isEmpty()) {
            return List.of();
        }
        try {
            // kept open for the life of this command: the identities sign through it
            AgentClient agent = AgentClient.connect(socket.get());
            return agent.identities();
        } catch (AgentException e) {
            ui.warn("Warning: cannot use the SSH agent: " + e.getMessage());
            return List.of();
        }
    }

    static void forward(SshConnection c, SessionChannel s, HostConfig cfg, Map<String, String> env, CliInteraction ui)
            throws SshException {
        String fwd = cfg.forwardAgentSocket().orElse(null);
        Optional<Path> socket = fwd != null && !fwd.equalsIgnoreCase("yes") ? Optional.of(Path.of(fwd)) : socket(cfg, env);
        if (socket.isEmpty()) {
            ui.warn("Warning: agent forwarding requested, but no agent is available (SSH_AUTH_SOCK is not set)");
            return;
        }
        AgentForwarding.enable(c, s, socket.get(), AgentClient.DEFAULT_TIMEOUT);
    }
}
