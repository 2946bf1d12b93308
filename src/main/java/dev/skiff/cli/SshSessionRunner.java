package dev.skiff.cli;

import dev.skiff.cli.term.Tty;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.config.HostConnector;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.config.HostForwards;
import dev.skiff.ssh.config.SessionEnvironment;
import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.connection.PtyRequest;
import dev.skiff.ssh.connection.SessionChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
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
        try (SshConnection c = HostConnector.connect(cfg, cmd.identities, cmd::evaluateHop, env, ui)) {
            try (HostForwards forwards = CliForwards.start(c, cmd, cfg, ui)) {
                if (cmd.noCommand) {
                    c.transport().closedFuture().join();
                    return 255;
                }
                return session(c);
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
        if (cfg.forwardX11()) {
            CliX11.forward(c, s, cfg, env, ui);
        }
        if (pty) {
            int[] size = Tty.size().orElse(new int[] {80, 24});
            s.requestPty(PtyRequest.of(env.getOrDefault("TERM", "xterm-256color"), size[0], size[1]));
        }
        SessionEnvironment.of(cfg, env).sendTo(s);
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
