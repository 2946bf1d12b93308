package dev.skiff.cli;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.HostConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code skiff ssh}: OpenSSH's {@code ssh} for the common cases. stdin, stdout and stderr pass
 * through byte for byte; the exit status is the remote one, or 255 on connection or
 * authentication failure (one clear line on stderr).
 */
@Command(name = "ssh", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Log in to a remote machine or run a command there (like OpenSSH's ssh).")
public final class SshCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "-p", paramLabel = "port", description = "Port to connect to.")
    Integer port;

    @Option(names = "-l", paramLabel = "login_name", description = "User to log in as.")
    String login;

    @Option(names = "-i", paramLabel = "identity_file", description = "Identity (private key) file; repeatable.")
    List<Path> identities = new ArrayList<>();

    @Option(names = "-F", paramLabel = "configfile", description = "Config file instead of ~/.ssh/config (none: no file).")
    String configFile;

    @Option(names = "-o", paramLabel = "option", description = "Option in ssh_config format, e.g. -o Port=2222; repeatable.")
    List<String> options = new ArrayList<>();

    @Option(names = "-J", paramLabel = "destination", description = "Jump host(s): [user@]host[:port][,...].")
    String jump;

    @Option(names = "-L", paramLabel = "[bind_address:]port:host:hostport", description = "Local port forwarding.")
    List<String> localForwards = new ArrayList<>();

    @Option(names = "-R", paramLabel = "[bind_address:]port:host:hostport", description = "Remote port forwarding.")
    List<String> remoteForwards = new ArrayList<>();

    @Option(names = "-D", paramLabel = "[bind_address:]port", description = "Dynamic (SOCKS) forwarding.")
    List<String> dynamicForwards = new ArrayList<>();

    @Option(names = "-N", description = "Do not run a remote command (forwarding only).")
    boolean noCommand;

    @Option(names = "-T", description = "Disable pseudo-terminal allocation.")
    boolean noTty;

    @Option(names = "-t", description = "Force pseudo-terminal allocation (twice: even without a local terminal).")
    boolean[] forceTty = new boolean[0];

    @Option(names = "-A", description = "Enable agent forwarding.")
    boolean forwardAgent;

    @Option(names = "-X", description = "Enable X11 forwarding (trusted unless ForwardX11Trusted no; Debian's default is yes).")
    boolean forwardX11;

    @Option(names = "-Y", description = "Enable trusted X11 forwarding.")
    boolean forwardX11Trusted;

    @Option(names = "-x", description = "Disable X11 forwarding.")
    boolean noX11;

    @Option(names = "-C", description = "Compression.")
    boolean compression;

    @Option(names = "-v", description = "Verbose (repeat for more).")
    boolean[] verbose = new boolean[0];

    @Option(names = "-q", description = "Quiet: no warnings or banners.")
    boolean quiet;

    @Option(names = "-E", paramLabel = "log_file", description = "Append debug logs to this file instead of stderr.")
    Path logFile;

    @Parameters(index = "0", paramLabel = "destination", description = "[user@]host or ssh://[user@]host[:port]")
    String destination;

    @Parameters(index = "1..*", paramLabel = "command", description = "Remote command (words are joined with spaces).")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        configureLogging();
        HostConfig cfg;
        try {
            cfg = evaluateConfig();
        } catch (SshException | IllegalArgumentException e) {
            err.println("skiff: " + e.getMessage());
            err.flush();
            return 255;
        }
        return new SshSessionRunner(this, cfg, System.getenv(), err).run();
    }

    private void configureLogging() {
        if (verbose.length > 0) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose.length > 1 ? "trace" : "debug");
        }
        if (logFile != null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", logFile.toString());
        }
    }

    HostConfig evaluateConfig() throws SshException {
        List<String> all = new ArrayList<>(x11Options());
        all.addAll(options);
        return CliConfig.evaluate(destination, login, port, identities, jump, compression, forwardAgent, all, configFile);
    }

    /** -x, -X, -Y as options that win over -o and the config files (in OpenSSH they set the values directly). */
    List<String> x11Options() {
        if (noX11) {
            return List.of("ForwardX11=no");
        }
        if (forwardX11Trusted) {
            return List.of("ForwardX11=yes", "ForwardX11Trusted=yes");
        }
        return forwardX11 ? List.of("ForwardX11=yes") : List.of();
    }

    /** The configuration of a ProxyJump hop (evaluated on its own, as OpenSSH's {@code ssh -J} does). */
    HostConfig evaluateHop(dev.skiff.ssh.config.Destination hop) {
        return CliConfig.hop(hop, configFile);
    }

    /** -T, -t, -tt and RequestTTY decide; {@code stdinIsTty} as isatty(0). */
    boolean wantsPty(HostConfig cfg, boolean stdinIsTty) {
        if (noTty || noCommand) {
            return false;
        }
        if (forceTty.length >= 2) {
            return true;
        }
        if (forceTty.length == 1) {
            return stdinIsTty;
        }
        return switch (cfg.requestTty()) {
            case NO -> false;
            case FORCE -> true;
            case YES -> stdinIsTty;
            default -> command.isEmpty() && stdinIsTty;
        };
    }

    String remoteCommand() {
        return String.join(" ", command);
    }
}
