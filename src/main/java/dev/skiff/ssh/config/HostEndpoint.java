package dev.skiff.ssh.config;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.AgentException;
import dev.skiff.ssh.agent.AgentClient;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.ssh.userauth.AuthenticationPlan;
import dev.skiff.ssh.userauth.FileIdentity;
import dev.skiff.ssh.userauth.Identity;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One host as ssh_config describes it (the target, or a ProxyJump hop): where to connect, the
 * transport settings and host key verifier, and how to authenticate (identity files, agent keys,
 * password and keyboard-interactive prompts, in PreferredAuthentications order).
 */
public final class HostEndpoint {
    private final HostConfig cfg;
    private final List<Path> explicitIdentities;
    private final Map<String, String> env;
    private final ConnectInteraction ui;

    /**
     * @param explicitIdentities identity files the user named (-i): only these are worth a warning when missing
     * @param env the environment (SSH_AUTH_SOCK)
     */
    public HostEndpoint(HostConfig cfg, List<Path> explicitIdentities, Map<String, String> env, ConnectInteraction ui) {
        this.cfg = cfg;
        this.explicitIdentities = explicitIdentities;
        this.env = env;
        this.ui = ui;
    }

    public HostConfig config() {
        return cfg;
    }

    /** The host name known_hosts is checked against (HostKeyAlias or HostName), the address, port and user. */
    public ConnectSpec spec() {
        return new ConnectSpec(cfg.hostKeyAlias().orElse(cfg.hostName()), cfg.hostName(), cfg.port(), cfg.user());
    }

    public SshClientConfig clientConfig() {
        TransportConfig.Builder t = TransportConfig.builder()
                .kexAlgorithms(String.join(",", cfg.kexAlgorithms()))
                .ciphers(String.join(",", cfg.ciphers()))
                .macs(String.join(",", cfg.macs()))
                .hostKeyAlgorithms(String.join(",", cfg.hostKeyAlgorithms()))
                .compression(cfg.compression() ? "yes" : "no")
                .keepalive(cfg.serverAliveInterval(), cfg.serverAliveCountMax());
        cfg.connectTimeout().ifPresent(d -> t.connectTimeout(d).kexTimeout(d.plusSeconds(30)));
        return SshClientConfig.of(t.build(), ui.hostKeyVerifier(cfg));
    }

    /** Authenticates {@code c} (host-key-verified) as this host's settings say; blocks on the calling worker. */
    public void authenticate(SshConnection c) throws SshException {
        ui.progress(ConnectInteraction.ConnectStep.AUTHENTICATING, cfg.host());
        List<Identity> ids = new ArrayList<>();
        if (cfg.pubkeyAuthentication()) {
            for (Path file : cfg.identityFiles()) {
                try {
                    ids.add(FileIdentity.load(file, ui));
                } catch (NoSuchFileException e) {
                    // like ssh: only files named with -i are worth a warning
                    if (explicitIdentities.stream().anyMatch(p -> p.toAbsolutePath().equals(file.toAbsolutePath()))) {
                        ui.warn("Warning: Identity file " + file + " not accessible: No such file or directory.");
                    }
                } catch (IOException e) {
                    ui.warn("Load key \"" + file + "\": " + e.getMessage());
                }
            }
            if (!cfg.identitiesOnly()) {
                ids.addAll(agentIdentities());
            }
        }
        List<String> methods = new ArrayList<>(cfg.preferredAuthentications().isEmpty()
                ? AuthenticationPlan.DEFAULT_METHODS : cfg.preferredAuthentications());
        if (!cfg.passwordAuthentication()) {
            methods.remove("password");
        }
        if (!cfg.kbdInteractiveAuthentication()) {
            methods.remove("keyboard-interactive");
        }
        if (!cfg.pubkeyAuthentication()) {
            methods.remove("publickey");
        }
        AuthenticationPlan.Builder plan = AuthenticationPlan.builder(cfg.user()).identities(ids).bannerListener(ui)
                .preferredMethods(methods).numberOfPasswordPrompts(cfg.numberOfPasswordPrompts());
        if (!cfg.batchMode()) {
            plan.passwordProvider(ui).keyboardInteractiveHandler(ui);
        }
        c.authenticate(plan.build());
    }

    /**
     * The agent socket for {@code cfg}: IdentityAgent when set, else {@code SSH_AUTH_SOCK}; empty for
     * "none" or when the variable is unset.
     */
    public static Optional<Path> agentSocket(HostConfig cfg, Map<String, String> env) {
        String ia = cfg.identityAgent().orElse("SSH_AUTH_SOCK");
        if (ia.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        String variable = ia.equals("SSH_AUTH_SOCK") ? ia : ia.startsWith("$") ? ia.substring(1) : null;
        if (variable == null) {
            return Optional.of(Path.of(ia));
        }
        String s = env.get(variable);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(Path.of(s));
    }

    /** The agent's keys; empty (with a warning when the agent fails) when there is no agent. */
    private List<Identity> agentIdentities() {
        Optional<Path> socket = agentSocket(cfg, env);
        if (socket.isEmpty()) {
            return List.of();
        }
        try {
            // kept open while the identities may sign through it
            AgentClient agent = AgentClient.connect(socket.get());
            return agent.identities();
        } catch (AgentException e) {
            ui.warn("Warning: cannot use the SSH agent: " + e.getMessage());
            return List.of();
        }
    }
}
