package dev.skiff.cli;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.userauth.Identity;
import java.util.List;
import java.util.Map;

/** The SSH agent for {@code skiff ssh}: its keys for publickey auth, and agent forwarding (-A). */
final class CliAgent {
    private CliAgent() {
    }

    static List<Identity> identities(HostConfig cfg, Map<String, String> env, CliInteraction ui) {
        return List.of();
    }

    static void forward(SshConnection c, SessionChannel s, HostConfig cfg, Map<String, String> env, CliInteraction ui)
            throws SshException {
        throw new SshException("agent forwarding is not wired into skiff ssh yet");
    }
}
