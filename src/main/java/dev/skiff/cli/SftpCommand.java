package dev.skiff.cli;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.config.HostConnector;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.transfer.RateLimit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code skiff sftp}: OpenSSH's {@code sftp} — an interactive or batch ({@code -b}) file transfer
 * session over SSH with the same commands. In batch mode each command is echoed as
 * {@code sftp> command} and the first failing command ends the run with status 1, unless it is
 * prefixed with {@code -}.
 */
@Command(name = "sftp", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Secure file transfer over SSH (like OpenSSH's sftp).")
public final class SftpCommand implements Callable<Integer> {
    private static final long MAX_LIMIT_KBIT = 100L * 1024 * 1024; // OpenSSH's bound for -l

    @Spec
    CommandSpec spec;

    @Option(names = "-b", paramLabel = "batchfile", description = "Read commands from this file (- for stdin).")
    String batchFile;

    @Option(names = "-P", paramLabel = "port", description = "Port to connect to.")
    Integer port;

    @Option(names = "-i", paramLabel = "identity_file", description = "Identity (private key) file; repeatable.")
    List<Path> identities = new ArrayList<>();

    @Option(names = "-F", paramLabel = "ssh_config", description = "Config file instead of ~/.ssh/config.")
    String configFile;

    @Option(names = "-o", paramLabel = "ssh_option", description = "Option in ssh_config format; repeatable.")
    List<String> options = new ArrayList<>();

    @Option(names = "-J", paramLabel = "destination", description = "Jump host(s).")
    String jump;

    @Option(names = "-R", paramLabel = "num_requests", description = "Requests in flight per transfer at most (default 64; the window adapts below it).")
    Integer requests;

    @Option(names = "-B", paramLabel = "buffer_size", description = "Bytes per read/write request (default from the server's limits).")
    Integer bufferSize;

    @Option(names = "-l", paramLabel = "limit", description = "Limits the used bandwidth, in Kbit/s (all transfers together).")
    Long limitKbit;

    @Option(names = "-C", description = "Compression.")
    boolean compression;

    @Option(names = "-q", description = "Quiet: no progress meter, warnings or banners.")
    boolean quiet;

    @Option(names = "-v", description = "Verbose.")
    boolean[] verbose = new boolean[0];

    @Parameters(index = "0", paramLabel = "destination", description = "[user@]host[:path] or sftp://[user@]host[:port][/path]")
    String destination;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (verbose.length > 0) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        if (limitKbit != null && (limitKbit < 1 || limitKbit > MAX_LIMIT_KBIT)) {
            err.println("skiff: Invalid bandwidth limit \"" + limitKbit + "\": must be 1 to " + MAX_LIMIT_KBIT + " Kbit/s");
            err.flush();
            return 1;
        }
        String host = destination;
        String startDir = null;
        if (host.startsWith("sftp://")) {
            String rest = host.substring("sftp://".length());
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                startDir = rest.substring(slash + 1);
                rest = rest.substring(0, slash);
            }
            host = "ssh://" + rest;
        } else {
            int colon = host.indexOf(':');
            if (colon > 0 && !host.startsWith("[")) {
                startDir = host.substring(colon + 1);
                host = host.substring(0, colon);
            }
        }
        HostConfig cfg;
        try {
            cfg = CliConfig.evaluate(host, null, port, identities, jump, compression, false, options, configFile);
        } catch (SshException | IllegalArgumentException e) {
            err.println("skiff: " + e.getMessage());
            err.flush();
            return 255;
        }
        CliInteraction ui = new CliInteraction(System.getenv(), err, cfg.batchMode() || batchFile != null && !isStdin(), quiet);
        try (SshConnection c = HostConnector.connect(cfg, identities, hop -> CliConfig.hop(hop, configFile), System.getenv(), ui);
                SftpClient sftp = SftpClient.open(c, Duration.ofSeconds(60))) {
            SftpShell shell = new SftpShell(sftp, out, err, batchFile != null, !quiet && batchFile == null);
            shell.tuning(bufferSize, requests);
            if (limitKbit != null) {
                shell.rateLimit(RateLimit.of(RateLimit.kbitPerSecond(limitKbit)));
            }
            if (startDir != null && !startDir.isEmpty() && !shell.changeDirectory(startDir)) {
                return 1;
            }
            try (BufferedReader in = commands()) {
                return shell.run(in);
            }
        } catch (SshException e) {
            err.println("skiff: " + e.getMessage());
            err.flush();
            return 255;
        } catch (IOException e) {
            err.println("skiff: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private boolean isStdin() {
        return "-".equals(batchFile);
    }

    private BufferedReader commands() throws IOException {
        if (batchFile == null || isStdin()) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(Path.of(batchFile), StandardCharsets.UTF_8);
    }
}
