package dev.skiff.cli;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.knownhosts.KnownHostsVerifier;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.ssh.userauth.AuthenticationPlan;
import dev.skiff.ssh.userauth.Identity;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One host as ssh_config describes it (the target, or a ProxyJump hop): where to connect, the
 * transport settings and host key verifier, and how to authenticate (identity files, agent keys,
 * password and keyboard-interactive prompts, in PreferredAuthentications order).
 */
final class CliEndpoint {
    private final HostConfig cfg;
    private final List<Path> explicitIdentities;
    private final Map<String, String> env;
    private final CliInteraction ui;

    CliEndpoint(HostConfig cfg, List<Path> explicitIdentities, Map<String, String> env, CliInteraction ui) {
        this.cfg = cfg;
        this.explicitIdentities = explicitIdentities;
        this.env = env;
        this.ui = ui;
    }

    HostConfig config() {
        return cfg;
    }

    /** The host name known_hosts is checked against (HostKeyAlias or HostName), the address, port and user. */
    ConnectSpec spec() {
        return new ConnectSpec(cfg.hostKeyAlias().orElse(cfg.hostName()), cfg.hostName(), cfg.port(), cfg.user());
    }

    SshClientConfig clientConfig() {
        TransportConfig.Builder t = TransportConfig.builder()
                .kexAlgorithms(String.join(",", cfg.kexAlgorithms()))
                .ciphers(String.join(",", cfg.ciphers()))
                .macs(String.join(",", cfg.macs()))
                .hostKeyAlgorithms(String.join(",", cfg.hostKeyAlgorithms()))
                .compression(cfg.compression() ? "yes" : "no")
                .keepalive(cfg.serverAliveInterval(), cfg.serverAliveCountMax());
        cfg.connectTimeout().ifPresent(d -> t.connectTimeout(d).kexTimeout(d.plusSeconds(30)));
        List<Path> known = new ArrayList<>(cfg.userKnownHostsFiles());
        known.addAll(cfg.globalKnownHostsFiles());
        return SshClientConfig.of(t.build(),
                new KnownHostsVerifier(known, cfg.strictHostKeyChecking(), ui, cfg.hashKnownHosts()));
    }

    void authenticate(SshConnection c) throws SshException {
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
                ids.addAll(CliAgent.identities(cfg, env, ui));
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
}
