package dev.skiff.cli;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.Destination;
import dev.skiff.ssh.config.HostConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Connects and logs in the way {@code skiff ssh} and {@code skiff sftp} both do: host key per
 * known_hosts and StrictHostKeyChecking, ProxyJump / ProxyCommand, then authentication with
 * identity files, agent keys and terminal prompts.
 */
final class CliConnector {
    private CliConnector() {
    }

    static SshConnection connect(HostConfig cfg, List<Path> explicitIdentities, Function<Destination, HostConfig> hops,
            Map<String, String> env, CliInteraction ui) throws SshException {
        CliEndpoint target = new CliEndpoint(cfg, explicitIdentities, env, ui);
        SshConnection c = CliProxies.connect(target, hop -> new CliEndpoint(hops.apply(hop), List.of(), env, ui));
        try {
            target.authenticate(c);
            return c;
        } catch (SshException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
