package dev.skiff.cli;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.config.HostForwards;
import dev.skiff.ssh.config.HostForwards.Kind;
import dev.skiff.ssh.config.HostForwards.Request;
import dev.skiff.ssh.forward.ForwardSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The -L / -R / -D forwards of one {@code skiff ssh} run: for each kind, the command line's first,
 * then ssh_config's LocalForward / RemoteForward / DynamicForward. Started by {@link HostForwards}:
 * a forward that cannot be set up is a warning unless ExitOnForwardFailure is set.
 */
final class CliForwards {
    private CliForwards() {
    }

    static HostForwards start(SshConnection c, SshCommand cmd, HostConfig cfg, CliInteraction ui) throws SshException {
        List<Request> config = HostForwards.requests(cfg);
        List<Request> all = new ArrayList<>();
        for (String spec : cmd.localForwards) {
            all.add(new Request(Kind.LOCAL, "-L " + spec, () -> ForwardSpec.parseLocal(spec)));
        }
        config.stream().filter(r -> r.kind() == Kind.LOCAL).forEach(all::add);
        for (String spec : cmd.remoteForwards) {
            all.add(new Request(Kind.REMOTE, "-R " + spec, () -> ForwardSpec.parseRemote(spec)));
        }
        config.stream().filter(r -> r.kind() == Kind.REMOTE).forEach(all::add);
        for (String spec : cmd.dynamicForwards) {
            all.add(new Request(Kind.DYNAMIC, "-D " + spec, () -> ForwardSpec.parseDynamic(spec)));
        }
        config.stream().filter(r -> r.kind() == Kind.DYNAMIC).forEach(all::add);
        return HostForwards.start(c, all, cfg.exitOnForwardFailure(), ui::warn);
    }
}
