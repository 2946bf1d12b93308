package dev.skiff.ssh.agent;

import dev.skiff.testing.Peers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenSSH {@code ssh-agent -D -a <socket>} started by a test, plus {@code ssh-add} and
 * {@code ssh-keygen} run against it. Missing programs skip the test, or fail it when {@code CI=true}.
 */
final class RealAgent implements AutoCloseable {
    static final String SSH_AGENT = "/usr/bin/ssh-agent";
    static final String SSH_ADD = "/usr/bin/ssh-add";
    static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";
    private static final Pattern LISTED = Pattern.compile("^(\\d+) (SHA256:\\S+) (.*) \\(([A-Z0-9-]+)\\)$");

    /** One line of {@code ssh-add -l}. */
    record Listed(int bits, String fingerprint, String comment, String type) {
    }

    private final Process process;
    private final Path socket;
    private final Path log;
    private final Thread shutdownHook;

    private RealAgent(Process process, Path socket, Path log) {
        this.process = process;
        this.socket = socket;
        this.log = log;
        this.shutdownHook = new Thread(process::destroyForcibly, "kill-ssh-agent");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static void requirePrograms() {
        Peers.requirePeer(SSH_AGENT);
        Peers.requirePeer(SSH_ADD);
        Peers.requirePeer(SSH_KEYGEN);
    }

    static RealAgent start(Path dir) throws IOException, InterruptedException {
        requirePrograms();
        Path socket = dir.resolve("agent.sock");
        Path log = dir.resolve("agent.log");
        Process p = new ProcessBuilder(SSH_AGENT, "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null")).start();
        RealAgent agent = new RealAgent(p, socket, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                agent.close();
                throw new IllegalStateException("ssh-agent did not create " + socket + ":\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
        return agent;
    }

    Path socket() {
        return socket;
    }

    /** {@code ssh-keygen -q -N '' -t type [-b bits] -C comment -f dir/name}; returns the private key path. */
    static Path keygen(Path dir, String name, String type, int bits, String comment) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(SSH_KEYGEN, "-q", "-N", "", "-t", type, "-C", comment, "-f", key.toString()));
        if (bits > 0) {
            cmd.addAll(List.of("-b", Integer.toString(bits)));
        }
        run(null, cmd);
        return key;
    }

    /** Runs ssh-add with SSH_AUTH_SOCK set to this agent; requires exit code 0. */
    String sshAdd(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(SSH_ADD));
        cmd.addAll(List.of(args));
        return run(socket, cmd);
    }

    /** {@code ssh-add -l}, parsed; empty when the agent has no keys. */
    List<Listed> list() throws IOException, InterruptedException {
        List<String> cmd = List.of(SSH_ADD, "-l");
        ProcessResult r = exec(socket, cmd);
        List<Listed> out = new ArrayList<>();
        if (r.code == 1 && r.output.contains("no identities")) {
            return out;
        }
        check(cmd, r);
        for (String line : r.output.strip().split("\n")) {
            Matcher m = LISTED.matcher(line);
            if (!m.matches()) {
                throw new IllegalStateException("unexpected ssh-add -l line: " + line);
            }
            out.add(new Listed(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4)));
        }
        return out;
    }

    private record ProcessResult(int code, String output) {
    }

    static String run(Path authSock, List<String> cmd) throws IOException, InterruptedException {
        ProcessResult r = exec(authSock, cmd);
        check(cmd, r);
        return r.output;
    }

    private static void check(List<String> cmd, ProcessResult r) {
        if (r.code != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited with " + r.code + ":\n" + r.output);
        }
    }

    private static ProcessResult exec(Path authSock, List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(new File("/dev/null"));
        pb.environment().remove("SSH_AGENT_PID");
        pb.environment().put("SSH_ASKPASS_REQUIRE", "never");
        if (authSock != null) {
            pb.environment().put("SSH_AUTH_SOCK", authSock.toString());
        } else {
            pb.environment().remove("SSH_AUTH_SOCK");
        }
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish");
        }
        return new ProcessResult(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
