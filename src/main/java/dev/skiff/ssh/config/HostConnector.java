package dev.skiff.ssh.config;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Connects and logs in to a host as its ssh_config settings say, the way OpenSSH's {@code ssh} does
 * (used by {@code skiff ssh}, {@code skiff sftp} and the desktop app): directly, through ProxyJump
 * hops (each configured and authenticated by its own settings) or over a ProxyCommand; the host key
 * checked by the front end's verifier before anything is sent; then authentication with identity
 * files, agent keys and the front end's prompts, in PreferredAuthentications order.
 *
 * <p>Blocks the calling worker thread (never the FX thread); the interaction is called on it.
 */
public final class HostConnector {
    private HostConnector() {
    }

    /**
     * @param explicitIdentities identity files the user named (warned about when missing)
     * @param hops the settings of a ProxyJump hop (as {@code ssh -J} evaluates them)
     * @param env the environment ({@code SSH_AUTH_SOCK})
     * @return an authenticated connection; the caller closes it
     */
    public static SshConnection connect(HostConfig cfg, List<Path> explicitIdentities,
            Function<Destination, HostConfig> hops, Map<String, String> env, ConnectInteraction ui) throws SshException {
        HostEndpoint target = new HostEndpoint(cfg, explicitIdentities, env, ui);
        SshConnection c = HostProxies.connect(target, hop -> new HostEndpoint(hops.apply(hop), List.of(), env, ui), ui);
        try {
            target.authenticate(c);
            return c;
        } catch (SshException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
