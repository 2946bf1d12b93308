package dev.skiff.app.sessions;

import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.config.SshConfigEvaluator;
import dev.skiff.ssh.config.SshConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@link SavedHost} into the effective {@link HostConfig} to connect with, the way
 * {@code ssh -o ... user@host -p port} would: the saved values go in as command-line options (so
 * they win) and {@code ~/.ssh/config} / {@code /etc/ssh/ssh_config} still fill in the rest unless
 * told not to. A jump host naming another saved host (by label or id) becomes that host's
 * {@code user@host:port}, preceded by its own jump hosts. Stateless; any thread (reads config files).
 */
public final class SavedHostConnectOptions {
    private SavedHostConnectOptions() {
    }

    /**
     * Evaluates the configuration for {@code host}.
     *
     * @param store where jump hosts naming saved hosts are looked up
     * @param readSshConfig also read ~/.ssh/config and /etc/ssh/ssh_config, as ssh does
     * @throws SshConfigException for a bad value or configuration line
     * @throws IllegalArgumentException for a jump host cycle
     */
    public static HostConfig evaluate(SavedHost host, HostStore store, boolean readSshConfig)
            throws SshConfigException {
        SshConfigEvaluator e = evaluator(host, store);
        if (!readSshConfig) {
            e.configFile("none");
        }
        return e.evaluate();
    }

    /** An evaluator set up with the host's destination, user, port and options; callers may add sources. */
    public static SshConfigEvaluator evaluator(SavedHost host, HostStore store) {
        SshConfigEvaluator e = new SshConfigEvaluator().destination(host.host()).port(host.port());
        if (!host.user().isEmpty()) {
            e.user(host.user());
        }
        options(host, store).forEach(e::option);
        return e;
    }

    /** The {@code -o} options for a saved host, in order. */
    public static List<String> options(SavedHost host, HostStore store) {
        List<String> o = new ArrayList<>();
        o.add("PreferredAuthentications=" + host.auth().preferredAuthentications());
        if (!host.identityFile().isEmpty()) {
            o.add("IdentityFile=" + quote(host.identityFile()));
        }
        if (host.auth() == AuthPreference.KEY_FILE && !host.identityFile().isEmpty()) {
            o.add("IdentitiesOnly=yes");
        }
        String jump = proxyJump(host, store);
        if (!jump.isEmpty()) {
            o.add("ProxyJump=" + jump);
        }
        if (host.keepaliveSeconds() > 0) {
            o.add("ServerAliveInterval=" + host.keepaliveSeconds());
        }
        for (PortForward f : host.forwards()) {
            o.add(f.type().keyword() + "=" + f.configValue());
        }
        if (!host.environment().isEmpty()) {
            o.add("SetEnv=" + host.environment().entrySet().stream()
                    .map(v -> quote(v.getKey() + "=" + v.getValue())).collect(Collectors.joining(" ")));
        }
        return o;
    }

    /** The ProxyJump value: saved jump hosts resolved (recursively), other text as written; empty if none. */
    public static String proxyJump(SavedHost host, HostStore store) {
        List<String> hops = new ArrayList<>();
        savedJumpChain(host, store, hops);
        return String.join(",", hops);
    }

    /** The saved hosts the connection jumps through, first hop first (raw ProxyJump strings are not included). */
    public static List<SavedHost> savedJumpHosts(SavedHost host, HostStore store) {
        List<SavedHost> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(host.id()));
        for (SavedHost h = host; !h.jumpHost().isEmpty(); ) {
            Optional<SavedHost> j = store.byIdOrLabel(h.jumpHost());
            if (j.isEmpty()) {
                break;
            }
            if (!seen.add(j.get().id())) {
                throw new IllegalArgumentException("jump host loop at \"" + j.get().label() + "\"");
            }
            out.add(0, j.get());
            h = j.get();
        }
        return out;
    }

    private static void savedJumpChain(SavedHost host, HostStore store, List<String> hops) {
        List<SavedHost> chain = savedJumpHosts(host, store);
        SavedHost first = chain.isEmpty() ? host : chain.get(0);
        if (!first.jumpHost().isEmpty() && store.byIdOrLabel(first.jumpHost()).isEmpty()) {
            hops.add(first.jumpHost());
        }
        chain.forEach(h -> hops.add(h.hop()));
    }

    private static String quote(String s) {
        if (s.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\\' || c == '#')) {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
