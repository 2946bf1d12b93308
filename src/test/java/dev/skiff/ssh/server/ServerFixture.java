package dev.skiff.ssh.server;

import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.keys.SshPublicKey;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** For ITs: a Skiff server on loopback with every host key type, and how to run real clients against it. */
public final class ServerFixture implements AutoCloseable {
    public static final List<SshKeyPair> HOST_KEYS = List.of(SshKeyGenerator.generate("ssh-ed25519", 0),
            SshKeyGenerator.generate("ecdsa-sha2-nistp256", 0), SshKeyGenerator.generate("ecdsa-sha2-nistp384", 0),
            SshKeyGenerator.generate("ecdsa-sha2-nistp521", 0), SshKeyGenerator.generate("ssh-rsa", 2048));

    public final SshServer server;
    public final Path dir;
    public final Path knownHosts;
    public final Path clientKey;
    final byte[] clientBlob;
    /** Whether sessions may have X11 forwarding (off by default, as in the policy interface). */
    public volatile boolean allowX11;

    /** Allows the ssh-keygen key, password "secret" for alice, sessions, ptys, real processes, forwarding. */
    public ServerFixture(Path dir) throws Exception {
        this.dir = dir;
        clientKey = dir.resolve("id_ed25519");
        dev.skiff.testing.Exec.output("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", clientKey.toString());
        clientBlob = dev.skiff.ssh.keys.PublicKeyFiles.read(dir.resolve("id_ed25519.pub")).key().blob();
        // every MAC Skiff supports (the SHA-1 ones are off by default), so that each can be forced from ssh
        SshServer.Builder b = SshServer.builder().policy(new Policy()).transportConfig(dev.skiff.ssh.transport.TransportConfig
                .builder().macs("+hmac-sha1-etm@openssh.com,hmac-sha1").build());
        HOST_KEYS.forEach(b::addServerKey);
        server = b.build();
        server.listen(new InetSocketAddress("127.0.0.1", 0));
        knownHosts = dir.resolve("known_hosts");
        StringBuilder kh = new StringBuilder();
        for (SshKeyPair k : HOST_KEYS) {
            kh.append("[127.0.0.1]:").append(server.boundPort()).append(' ').append(k.publicKey().toOpenSshString()).append('\n');
        }
        Files.writeString(knownHosts, kh.toString());
    }

    final class Policy implements ServerPolicy {
        @Override
        public boolean isPublicKeyAcceptable(AuthContext ctx, SshPublicKey key) {
            return Arrays.equals(clientBlob, key.blob());
        }

        @Override
        public AuthResult checkPassword(AuthContext ctx, char[] password) {
            return ctx.user().equals("alice") && Arrays.equals(password, "secret".toCharArray()) ? AuthResult.SUCCESS
                    : AuthResult.FAILURE;
        }

        @Override
        public boolean allowSession(String user) {
            return true;
        }

        @Override
        public boolean allowPty(String user, PtyInfo pty) {
            return true;
        }

        @Override
        public ServerCommand exec(SessionInfo session, String command) {
            return SystemCommands.exec(session, command);
        }

        @Override
        public ServerCommand shell(SessionInfo session) {
            return SystemCommands.shell(session);
        }

        @Override
        public boolean allowDirectTcpip(String user, String host, int port, String originator) {
            return true;
        }

        @Override
        public boolean allowRemoteForward(String user, String bindAddress, int port) {
            return true;
        }

        @Override
        public boolean allowX11Forwarding(String user) {
            return allowX11;
        }
    }

    /** {@code ssh} with strict host key checking against this server, the ssh-keygen key, then {@code more}. */
    public List<String> ssh(String... more) {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/ssh", "-F", "/dev/null", "-o",
                "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o",
                "IdentitiesOnly=yes", "-o", "LogLevel=ERROR", "-i", clientKey.toString(), "-p",
                String.valueOf(server.boundPort()), "-l", "tester"));
        cmd.addAll(List.of(more));
        return cmd;
    }

    public record Result(int exit, String out, String err) {
    }

    /** Runs a client, stdin from /dev/null, stdout and stderr kept apart. */
    public Result run(List<String> cmd, String... env) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(new File("/dev/null")).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " timed out; stderr: " + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
