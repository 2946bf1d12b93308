package dev.skiff.cli;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.Forward;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.forward.ForwardSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The -L / -R / -D forwards of one {@code skiff ssh} run: command line first, then ssh_config's
 * LocalForward / RemoteForward / DynamicForward. A forward that cannot be set up is a warning
 * (as in OpenSSH without ExitOnForwardFailure); the others keep working.
 */
final class CliForwards implements AutoCloseable {
    private final List<AutoCloseable> open = new ArrayList<>();

    private CliForwards() {
    }

    static CliForwards start(SshConnection c, SshCommand cmd, HostConfig cfg, CliInteraction ui) throws SshException {
        CliForwards f = new CliForwards();
        try {
            for (String spec : cmd.localForwards) {
                f.add(ui, "-L " + spec, () -> c.forwarding().local(ForwardSpec.parseLocal(spec)));
            }
            for (Forward fw : cfg.localForwards()) {
                f.add(ui, "LocalForward", () -> c.forwarding().local(toSpec(fw)));
            }
            for (String spec : cmd.remoteForwards) {
                f.add(ui, "-R " + spec, () -> {
                    var r = c.forwarding().remote(ForwardSpec.parseRemote(spec));
                    if (ForwardSpec.parseRemote(spec).bindPort() == 0) {
                        ui.warn("Allocated port " + r.boundPort() + " for remote forward to "
                                + ForwardSpec.parseRemote(spec).host() + ":" + ForwardSpec.parseRemote(spec).hostPort());
                    }
                    return r;
                });
            }
            for (Forward fw : cfg.remoteForwards()) {
                f.add(ui, "RemoteForward", () -> c.forwarding().remote(toSpec(fw)));
            }
            for (String spec : cmd.dynamicForwards) {
                f.add(ui, "-D " + spec, () -> c.forwarding().dynamic(ForwardSpec.parseDynamic(spec)));
            }
            for (Forward fw : cfg.dynamicForwards()) {
                f.add(ui, "DynamicForward", () -> c.forwarding().dynamic(toSpec(fw)));
            }
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    interface Opener {
        AutoCloseable open() throws SshException;
    }

    private void add(CliInteraction ui, String what, Opener opener) {
        try {
            open.add(opener.open());
        } catch (SshException | IllegalArgumentException e) {
            ui.warn("Warning: " + what + ": " + e.getMessage());
        }
    }

    private static ForwardSpec toSpec(Forward fw) {
        if (fw.listenPath().isPresent() || fw.connectPath().isPresent()) {
            throw new IllegalArgumentException("Unix-socket forwarding is not supported");
        }
        return new ForwardSpec(fw.listenHost().orElse(null), fw.listenPort(), fw.connectHost().orElse(null), fw.connectPort());
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        open.clear();
    }
}
