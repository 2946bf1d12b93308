package dev.skiff.cli;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.agent.AgentClient;
import dev.skiff.ssh.agent.AgentForwarding;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.config.HostEndpoint;
import dev.skiff.ssh.connection.SessionChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Agent forwarding for {@code skiff ssh} (-A / ForwardAgent): ForwardAgent's socket, else the agent
 * {@link HostEndpoint#agentSocket} names.
 */
final class CliAgent {
    private CliAgent() {
    }

    static void forward(SshConnection c, SessionChannel s, HostConfig cfg, Map<String, String> env, CliInteraction ui)
            throws SshException {
        String fwd = cfg.forwardAgentSocket().orElse(null);
        Optional<Path> socket = fwd != null && !fwd.equalsIgnoreCase("yes") ? Optional.of(Path.of(fwd)) : HostEndpoint.agentSocket(cfg, env);
        if (socket.isEmpty()) {
            ui.warn("Warning: agent forwarding requested, but no agent is available (SSH_AUTH_SOCK is not set)");
            return;
        }
        AgentForwarding.enable(c, s, socket.get(), AgentClient.DEFAULT_TIMEOUT);
    }
}
