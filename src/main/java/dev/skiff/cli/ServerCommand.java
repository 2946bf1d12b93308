package dev.skiff.cli;

import dev.skiff.ssh.keys.KeyFingerprints;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.server.ModuliGroups;
import dev.skiff.ssh.server.SftpSubsystem;
import dev.skiff.ssh.server.SshServer;
import dev.skiff.ssh.server.SystemCommands;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.ssh.transport.kex.DhGroupExchange;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skiff server}: a small SSH server in the foreground, as the user running it: shell and
 * exec sessions (pty4j pty or pipes), SFTP rooted at {@code --root}, publickey logins from an
 * OpenSSH authorized_keys file (with options) and password logins from a file of PBKDF2 hashes.
 * Every login name maps to the current OS user; by default only that name is accepted
 * ({@code --any-user} accepts any). Runs until SIGINT / SIGTERM. Exit 1 with one line on stderr
 * when it cannot start.
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run an SSH/SFTP server as the current user until interrupted.")
public final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "ADDR:PORT", description = "Address to listen on (default 127.0.0.1:2222).")
    String listen = "127.0.0.1:2222";

    @Option(names = "--host-key", paramLabel = "FILE", description = "Host private key (repeatable); default: keys kept in the state directory.")
    List<Path> hostKeys = new ArrayList<>();

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where generated host keys are kept (default ~/.config/skiff/server).")
    Path stateDir;

    @Option(names = "--authorized-keys", paramLabel = "FILE", description = "OpenSSH authorized_keys file (default ~/.ssh/authorized_keys if present).")
    Path authorizedKeys;

    @Option(names = "--password-file", paramLabel = "FILE", description = "user:hash lines (see --hash-password); enables password logins.")
    Path passwordFile;

    @Option(names = "--root", paramLabel = "DIR", description = "Directory SFTP clients see as / (default: home).")
    Path root;

    @Option(names = "--shell", paramLabel = "PATH", description = "Shell for sessions (default $SHELL or /bin/sh).")
    String shell;

    @Option(names = "--allow-forwarding", description = "Allow -L forwards and -R forwards on loopback.")
    boolean allowForwarding;

    @Option(names = "--allow-agent-forwarding", description = "Let sessions use the client's SSH agent (ssh -A).")
    boolean allowAgentForwarding;

    @Option(names = "--allow-x11-forwarding", description = "Let sessions' X clients use the client's display (ssh -X/-Y).")
    boolean allowX11Forwarding;

    @Option(names = "--any-user", description = "Accept any login name (all map to the current OS user).")
    boolean anyUser;

    @Option(names = "--moduli", paramLabel = "FILE", description = "OpenSSH moduli file for diffie-hellman-group-exchange (default: built-in groups).")
    Path moduli;

    @Option(names = "-v", description = "Verbose: also log sessions, commands and group choices.")
    boolean verbose;

    @Option(names = "--hash-password", description = "Read a password and print a password-file line, then exit.")
    boolean hashPassword;

    @Option(names = "--user", paramLabel = "NAME", description = "User name for --hash-password (default: current user).")
    String hashUser;

    int iterations = ServerPasswordHash.DEFAULT_ITERATIONS;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (hashPassword) {
                String user = hashUser != null ? hashUser : System.getProperty("user.name");
                spec.commandLine().getOut().println(ServerPasswordPrompt.line(user, System.console(), System.in, iterations));
                spec.commandLine().getOut().flush();
                return 0;
            }
            SshServer server = start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "skiff-server-shutdown"));
            stopped.await();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("skiff server: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Loads everything, starts listening and prints the fingerprints; the caller closes the server. */
    public SshServer start() throws IOException {
        ServerLog log = new ServerLog(spec.commandLine().getErr(), verbose);
        InetSocketAddress address = ServerListenAddress.parse(listen);
        List<SshKeyPair> keys = hostKeys.isEmpty()
                ? ServerHostKeys.loadOrCreate(stateDir != null ? stateDir : ServerHostKeys.defaultStateDir(), log)
                : ServerHostKeys.read(hostKeys);
        ServerSettings settings = settings(log);
        Path sftpRoot = root != null ? root : Path.of(System.getProperty("user.home"));
        TransportConfig.Builder tc = TransportConfig.builder();
        if (moduli != null) {
            ModuliGroups groups = ModuliGroups.load(moduli);
            log.info("moduli " + moduli + ": " + groups.groups().size() + " groups" + (groups.skipped() > 0 ? ", "
                    + groups.skipped() + " lines skipped" : ""));
            tc.dhGroupSource((min, n, max) -> {
                ModuliGroups.Group g = groups.choose(min, n, max);
                log.debug("group exchange " + min + "/" + n + "/" + max + ": " + (g == null ? "built-in group"
                        : g.bits() + "-bit group from " + moduli + " line " + g.line()));
                return g == null ? DhGroupExchange.chooseGroup(min, n, max) : new BigInteger[] {g.p(), g.g()};
            });
        }
        SshServer.Builder b = SshServer.builder().transportConfig(tc.build())
                .policyFactory(peer -> new ServerConnectionPolicy(settings, peer))
                .subsystem(SftpSubsystem.NAME, SftpSubsystem.rootedAt(sftpRoot));
        keys.forEach(b::addServerKey);
        SshServer server = b.build();
        try {
            server.listen(address);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + listen + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (SshKeyPair k : keys) {
            out.println("host key: " + KeyFingerprints.sshKeygenLine(k.publicKey(), k.comment(), KeyFingerprints.Hash.SHA256));
        }
        out.println("listening on " + address.getAddress().getHostAddress() + " port " + server.boundPort()
                + " (sftp root " + sftpRoot + ", logins map to OS user " + settings.osUser() + ")");
        out.flush();
        if (!address.getAddress().isLoopbackAddress()) {
            log.info("warning: listening on a non-loopback address: reachable from the network");
        }
        return server;
    }

    private ServerSettings settings(ServerLog log) throws IOException {
        Path keysFile = authorizedKeys;
        Path defaultKeys = Path.of(System.getProperty("user.home"), ".ssh", "authorized_keys");
        if (keysFile == null && Files.isRegularFile(defaultKeys)) {
            keysFile = defaultKeys;
        }
        ServerAuthorizedKeys keys = keysFile == null ? null : ServerAuthorizedKeys.load(keysFile, w -> log.info("warning: " + w));
        ServerPasswordFile passwords = passwordFile == null ? null : ServerPasswordFile.load(passwordFile, w -> log.info("warning: " + w));
        if (keys == null && passwords == null) {
            throw new IllegalArgumentException("no way to log in: give --authorized-keys or --password-file");
        }
        if (keys != null) {
            log.info("authorized keys " + keysFile + ": " + keys.entries().size() + " keys");
        }
        String sh = shell != null ? shell : SystemCommands.shell();
        if (!sh.startsWith("/") || !Files.isExecutable(Path.of(sh))) {
            throw new IllegalArgumentException("shell " + sh + " is not an executable absolute path");
        }
        return new ServerSettings(keys, passwords, System.getProperty("user.name"), anyUser, sh, allowForwarding,
                allowAgentForwarding, allowX11Forwarding, log);
    }
}
