package dev.skiff.ssh.config;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.forward.ProxyCommand;
import dev.skiff.ssh.forward.ProxyJump;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Connects to the target directly, through ProxyJump hops (each hop configured and authenticated
 * by its own ssh_config evaluation, as OpenSSH's {@code ssh -J} does), or over a ProxyCommand.
 * The returned connection is host-key-verified and not yet authenticated.
 */
final class HostProxies {
    private HostProxies() {
    }

    static SshConnection connect(HostEndpoint target, Function<Destination, HostEndpoint> hopEndpoint,
            ConnectInteraction ui) throws SshException {
        List<Destination> jumps = target.config().proxyJump();
        if (!jumps.isEmpty()) {
            List<ConnectSpec> hops = new ArrayList<>();
            Map<ConnectSpec, HostEndpoint> endpoints = new IdentityHashMap<>();
            for (Destination d : jumps) {
                HostEndpoint e = hopEndpoint.apply(d);
                ui.progress(ConnectInteraction.ConnectStep.CONNECTING, e.config().host());
                ConnectSpec spec = e.spec();
                hops.add(spec);
                endpoints.put(spec, e);
            }
            ConnectSpec targetSpec = target.spec();
            endpoints.put(targetSpec, target);
            return ProxyJump.connect(hops, targetSpec, spec -> endpoints.get(spec).clientConfig(),
                    hop -> findByConnection(hops, endpoints, hop).authenticate(hop));
        }
        ui.progress(ConnectInteraction.ConnectStep.CONNECTING, target.config().host());
        if (target.config().proxyCommand().isPresent() && target.config().proxied()) {
            return ProxyCommand.connect(target.config().proxyCommand().get(), target.spec(), target.clientConfig(), null);
        }
        return SshClient.connect(target.spec(), target.clientConfig());
    }

    private static HostEndpoint findByConnection(List<ConnectSpec> hops, Map<ConnectSpec, HostEndpoint> endpoints,
            SshConnection hop) {
        for (ConnectSpec s : hops) {
            if (s == hop.spec() || s.equals(hop.spec())) {
                return endpoints.get(s);
            }
        }
        throw new IllegalStateException("unknown jump host " + hop.spec());
    }
}
