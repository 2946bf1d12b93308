package dev.skiff.cli;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.server.SshServer;
import dev.skiff.ssh.transport.TransportConfig;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * For tests: {@code skiff server} started in-process through its command class (same wiring as
 * {@code java -jar skiff.jar server}), on a free loopback port, with its log captured; and how to
 * point Skiff's client and OpenSSH's clients at it.
 */
public final class ServerCliFixture implements AutoCloseable {
    public static final Duration T = Duration.ofSeconds(60);
    public final Path dir;
    public final Path stateDir;
    public final SshServer server;
    private final StringWriter log = new StringWriter();
    private final StringWriter out = new StringWriter();

    /** Starts {@code skiff server --listen 127.0.0.1:0 --state-dir dir/state args...}. */
    public ServerCliFixture(Path dir, String... args) throws Exception {
        this.dir = dir;
        this.stateDir = dir.resolve("state");
        ServerCommand cmd = new ServerCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(log, true));
        List<String> all = new ArrayList<>(List.of("--listen", "127.0.0.1:0", "--state-dir", stateDir.toString()));
        all.addAll(List.of(args));
        cl.parseArgs(all.toArray(String[]::new));
        cmd.iterations = ServerPasswordHash.MIN_ITERATIONS;
        server = cmd.start();
        StringBuilder kh = new StringBuilder();
        for (String[] k : ServerHostKeys.GENERATED) {
            Path pub = stateDir.resolve(k[0] + ".pub");
            if (Files.exists(pub)) {
                kh.append("[127.0.0.1]:").append(server.boundPort()).append(' ').append(Files.readString(pub).strip()).append('\n');
            }
        }
        Files.writeString(knownHosts(), kh.toString());
    }

    /** A password-file line (fewer PBKDF2 iterations than the default, to keep tests fast). */
    public static String passwordLine(String user, String password) {
        return user + ":" + ServerPasswordHash.create(password.toCharArray(), 10_000);
    }

    public int port() {
        return server.boundPort();
    }

    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** What the server printed on stdout (fingerprints, listening line). */
    public String out() {
        synchronized (out) {
            return out.toString();
        }
    }

    /** The server's log (stderr). */
    public String log() {
        StringBuffer b = log.getBuffer();
        synchronized (b) {
            return b.toString();
        }
    }

    public SshConnection connect(TransportConfig tc) throws SshException {
        return SshClient.connect(ConnectSpec.of("127.0.0.1", port()), SshClientConfig.of(tc, HostKeyVerifier.ACCEPT_ALL));
    }

    public SshConnection connect() throws SshException {
        return connect(TransportConfig.builder().kexAlgorithms("curve25519-sha256").requestTimeout(T).build());
    }

    /** OpenSSH {@code ssh} (or {@code sftp}/{@code scp} with {@code program}) with strict host keys against this server. */
    public List<String> openSsh(String program, Path identity, String... more) {
        List<String> cmd = new ArrayList<>(List.of(program, "-F", "/dev/null", "-o", "UserKnownHostsFile=" + knownHosts(),
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR"));
        if (identity != null) {
            cmd.addAll(List.of("-i", identity.toString()));
        }
        cmd.addAll(List.of(program.endsWith("/ssh") ? "-p" : "-P", String.valueOf(port())));
        cmd.addAll(List.of(more));
        return cmd;
    }

    public record Result(int exit, String out, String err) {
    }

    /** Runs a program, stdin from /dev/null (or {@code stdin}), stdout and stderr kept apart. */
    public Result run(List<String> cmd, Path stdin, String... env) throws Exception {
        Path o = Files.createTempFile(dir, "out", ".txt");
        Path e = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(stdin == null ? new File("/dev/null") : stdin.toFile())
                .redirectOutput(o.toFile()).redirectError(e.toFile());
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " timed out; stderr: " + Files.readString(e));
        }
        return new Result(p.exitValue(), Files.readString(o, StandardCharsets.UTF_8), Files.readString(e, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
