package dev.skiff.cli;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.HostConfig;

/** The -L / -R / -D forwards (command line first, then ssh_config) of one {@code skiff ssh} run. */
final class CliForwards implements AutoCloseable {
    private CliForwards() {
    }

    static CliForwards start(SshConnection c, SshCommand cmd, HostConfig cfg, CliInteraction ui) throws SshException {
        if (!cmd.localForwards.isEmpty() || !cmd.remoteForwards.isEmpty() || !cmd.dynamicForwards.isEmpty()
                || !cfg.localForwards().isEmpty() || !cfg.remoteForwards().isEmpty() || !cfg.dynamicForwards().isEmpty()) {
            throw new SshException("port forwarding is not wired into skiff ssh yet");
        }
        return new CliForwards();
    }

    @Override
    public void close() {
    }
}
