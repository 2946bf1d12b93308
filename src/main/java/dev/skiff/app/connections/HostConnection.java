package dev.skiff.app.connections;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.ConnectInteraction;
import dev.skiff.ssh.config.Destination;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.config.HostConnector;
import dev.skiff.ssh.config.HostForwards;
import dev.skiff.ssh.config.SessionEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An authenticated connection together with what its host's settings ask of every session on it:
 * the environment each session channel sends ({@code SetEnv}, {@code SendEnv}), and the warnings
 * from setting the connection up (forwards that could not be started). The connection's port
 * forwards run on it and stop when it closes. Immutable; shared by the tabs of one host.
 *
 * @param environment sent as {@code env} requests on each session channel
 * @param warnings shown once, in the terminal of the tab that opened the connection
 */
public record HostConnection(SshConnection connection, SessionEnvironment environment, List<String> warnings) {

    public HostConnection {
        warnings = List.copyOf(warnings);
    }

    /** A connection with nothing else to do (the local demo, tests). */
    public static HostConnection plain(SshConnection connection) {
        return new HostConnection(connection, SessionEnvironment.NONE, List.of());
    }

    /**
     * Connects and logs in as {@code cfg} says ({@link HostConnector}), then starts its
     * LocalForward / RemoteForward / DynamicForward entries on the connection, the way
     * {@code ssh} does: a forward that fails is a warning (reported through {@code ui.warn} and
     * kept in {@link #warnings}) unless {@code ExitOnForwardFailure} is set, which fails the attempt.
     *
     * <p>Worker thread; blocks.
     *
     * @param env the local environment ({@code SSH_AUTH_SOCK}, {@code SendEnv})
     */
    public static HostConnection open(HostConfig cfg, Function<Destination, HostConfig> hops,
            Map<String, String> env, ConnectInteraction ui) throws SshException {
        SshConnection c = HostConnector.connect(cfg, List.of(), hops, env, ui);
        try {
            List<String> warnings = new ArrayList<>();
            HostForwards.start(c, HostForwards.requests(cfg), cfg.exitOnForwardFailure(), w -> {
                warnings.add(w);
                ui.warn(w);
            });
            return new HostConnection(c, SessionEnvironment.of(cfg, env), warnings);
        } catch (SshException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
