package dev.skiff.cli;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.HostConfig;

/** Connects directly, or through ProxyJump hops / a ProxyCommand as the config says. */
final class CliProxies {
    private CliProxies() {
    }

    static SshConnection connect(ConnectSpec target, SshClientConfig config, HostConfig cfg, CliInteraction ui)
            throws SshException {
        if (cfg.proxied()) {
            throw new SshException("ProxyJump/ProxyCommand are not wired into skiff ssh yet");
        }
        return SshClient.connect(target, config);
    }
}
