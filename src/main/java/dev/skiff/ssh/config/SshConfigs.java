package dev.skiff.ssh.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Static shortcuts around {@link SshConfigEvaluator}. */
public final class SshConfigs {
    private SshConfigs() {
    }

    /**
     * Evaluates the given user configuration files (missing ones are skipped) for a destination.
     *
     * @param destination {@code host}, {@code user@host} or {@code ssh://[user@]host[:port]}
     * @param user {@code -l}
     * @param port {@code -p}
     * @param files user configuration files, in order; relative {@code Include}s resolve in {@code ~/.ssh}
     * @param options {@code -o} options as keyword → value, applied in the map's iteration order
     * @throws SshConfigException for a bad destination, option or configuration line
     */
    public static HostConfig evaluate(String destination, Optional<String> user, Optional<Integer> port,
            List<Path> files, Map<String, String> options) throws SshConfigException {
        LocalContext local = LocalContext.current();
        SshConfigEvaluator e = new SshConfigEvaluator().local(local).destination(destination);
        user.ifPresent(e::user);
        port.ifPresent(e::port);
        options.forEach((k, v) -> e.option(k + "=" + v));
        List<ConfigSource> sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(ConfigSource.user(f, false, local));
        }
        return e.sources(sources).evaluate();
    }

    /** Evaluates {@code ~/.ssh/config} and {@code /etc/ssh/ssh_config} for a destination, as plain {@code ssh dest} would. */
    public static HostConfig evaluate(String destination) throws SshConfigException {
        return new SshConfigEvaluator().destination(destination).evaluate();
    }
}
