package dev.skiff.cli;

import dev.skiff.cli.term.Tty;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.connection.PtyRequest;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.knownhosts.KnownHostsVerifier;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.ssh.userauth.AuthenticationPlan;
import dev.skiff.ssh.userauth.Identity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@code skiff ssh} invocation: connect (host key checked per known_hosts and
 * StrictHostKeyChecking), authenticate, open the session (pty, environment, command or shell),
 * pump stdin/stdout/stderr byte for byte, and return the remote exit status (255 for our errors).
 */
final class SshSessionRunner {
    private static final Duration FOREVER = Duration.ofDays(3650);

    private final SshCommand cmd;
    private final HostConfig cfg;
    private final Map<String, String> env;
    private final PrintWriter err;
    private final CliInteraction ui;

    SshSessionRunner(SshCommand cmd, HostConfig cfg, Map<String, String> env, PrintWriter err) {
        this.cmd = cmd;
        this.cfg = cfg;
        this.env = env;
        this.err = err;
        this.ui = new CliInteraction(env, err, cfg.batchMode(), cmd.quiet);
    }

    int run() {
        try (SshConnection c = connect()) {
            authenticate(c);
            CliForwards forwards = CliForwards.start(c, cmd, cfg, ui);
            try {
                if (cmd.noCommand) {
                    c.transport().closedFuture().join();
                    return 255;
                }
                return session(c);
            } finally {
                forwards.close();
            }
        } catch (SshException e) {
            err.println("skiff: " + e.getMessage());
            err.flush();
            return 255;
        } catch (IOException | RuntimeException e) {
            err.println("skiff: " + e);
            err.flush();
            return 255;
        }
    }

    private SshConnection connect() throws SshException {
        TransportConfig.Builder t = TransportConfig.builder()
                .kexAlgorithms(String.join(",", cfg.kexAlgorithms()))
                .ciphers(String.join(",", cfg.ciphers()))
                .macs(String.join(",", cfg.macs()))
                .hostKeyAlgorithms(String.join(",", cfg.hostKeyAlgorithms()))
                .compression(cfg.compression() ? "yes" : "no")
                .keepalive(cfg.serverAliveInterval(), cfg.serverAliveCountMax());
        cfg.connectTimeout().ifPresent(d -> t.connectTimeout(d).kexTimeout(d.plusSeconds(30)));
        List<Path> known = new ArrayList<>(cfg.userKnownHostsFiles());
        known.addAll(cfg.globalKnownHostsFiles());
        KnownHostsVerifier verifier = new KnownHostsVerifier(known, cfg.strictHostKeyChecking(), ui, cfg.hashKnownHosts());
        String keyName = cfg.hostKeyAlias().orElse(cfg.hostName());
        ConnectSpec target = new ConnectSpec(keyName, cfg.hostName(), cfg.port(), cfg.user());
        SshClientConfig clientConfig = SshClientConfig.of(t.build(), verifier);
        return CliProxies.connect(target, clientConfig, cfg, ui);
    }

    private void authenticate(SshConnection c) throws SshException {
        List<Identity> ids = new ArrayList<>();
        if (cfg.pubkeyAuthentication()) {
            for (Path file : cfg.identityFiles()) {
                try {
                    ids.add(FileIdentity.load(file, ui));
                } catch (NoSuchFileException e) {
                    // like ssh: only files named with -i are worth a warning
                    if (cmd.identities.stream().anyMatch(p -> p.toAbsolutePath().equals(file.toAbsolutePath()))) {
                        ui.warn("Warning: Identity file " + file + " not accessible: No such file or directory.");
                    }
                } catch (IOException e) {
                    ui.warn("Load key \"" + file + "\": " + e.getMessage());
                }
            }
            if (!cfg.identitiesOnly()) {
                ids.addAll(CliAgent.identities(cfg, env, ui));
            }
        }
        List<String> methods = new ArrayList<>(cfg.preferredAuthentications().isEmpty()
                ? AuthenticationPlan.DEFAULT_METHODS : cfg.preferredAuthentications());
        if (!cfg.passwordAuthentication()) {
            methods.remove("password");
        }
        if (!cfg.kbdInteractiveAuthentication()) {
            methods.remove("keyboard-interactive");
        }
        if (!cfg.pubkeyAuthentication()) {
            methods.remove("publickey");
        }
        AuthenticationPlan.Builder plan = AuthenticationPlan.builder(cfg.user()).identities(ids).bannerListener(ui)
                .preferredMethods(methods).numberOfPasswordPrompts(cfg.numberOfPasswordPrompts());
        if (!cfg.batchMode()) {
            plan.passwordProvider(ui).keyboardInteractiveHandler(ui);
        }
        c.authenticate(plan.build());
    }

    private int session(SshConnection c) throws SshException, IOException {
        SessionChannel s = c.openSession();
        boolean stdinTty = Tty.stdinIsTerminal();
        boolean pty = cmd.wantsPty(cfg, stdinTty);
        if (cmd.forceTty.length == 1 && !stdinTty && !cmd.noTty) {
            ui.warn("Pseudo-terminal will not be allocated because stdin is not a terminal.");
        }
        if (cfg.forwardAgent()) {
            CliAgent.forward(c, s, cfg, env, ui);
        }
        if (pty) {
            int[] size = Tty.size().orElse(new int[] {80, 24});
            s.requestPty(PtyRequest.of(env.getOrDefault("TERM", "xterm-256color"), size[0], size[1]));
        }
        sendEnvironment(s);
        if (cmd.command.isEmpty()) {
            s.shell();
        } else {
            s.exec(cmd.remoteCommand());
        }
        Tty.RawMode raw = pty && stdinTty ? Tty.raw() : null;
        try {
            if (raw != null) {
                WindowChanges.watch(s);
            }
            Thread in = pump("skiff-stdin", System.in, s.stdin(), true);
            Thread errPump = pump("skiff-stderr", s.stderr(), System.err, false);
            copy(s.stdout(), System.out);
            ExitStatus exit = s.waitFor(FOREVER);
            errPump.join(5000);
            in.interrupt();
            if (exit == null || exit.bySignal() || exit.code() < 0) {
                return 255;
            }
            return exit.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 255;
        } finally {
            if (raw != null) {
                raw.restore();
            }
            s.close();
        }
    }

    private void sendEnvironment(SessionChannel s) throws SshException {
        for (String pattern : cfg.sendEnv()) {
            java.util.regex.Pattern re = java.util.regex.Pattern.compile(
                    pattern.replace(".", "\\.").replace("*", ".*").replace("?", "."));
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (re.matcher(e.getKey()).matches()) {
                    s.setEnv(e.getKey(), e.getValue());
                }
            }
        }
        for (Map.Entry<String, String> e : cfg.setEnv().entrySet()) {
            s.setEnv(e.getKey(), e.getValue());
        }
    }

    /** Copies until EOF, flushing each chunk (interactive output must not wait in a buffer). */
    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[32 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            out.flush();
        }
        out.flush();
    }

    private static Thread pump(String name, InputStream in, OutputStream out, boolean closeOut) {
        Thread t = new Thread(() -> {
            try {
                copy(in, out);
            } catch (IOException ignored) {
                // the channel closed, or stdin went away
            } finally {
                if (closeOut) {
                    try {
                        out.close();
                    } catch (IOException ignored) {
                        // channel already closed
                    }
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
