package dev.skiff.app.demo;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.HostKeyRejectedException;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.server.AuthContext;
import dev.skiff.ssh.server.PtyInfo;
import dev.skiff.ssh.server.ServerCommand;
import dev.skiff.ssh.server.ServerPolicy;
import dev.skiff.ssh.server.SessionInfo;
import dev.skiff.ssh.server.SftpSubsystem;
import dev.skiff.ssh.sftp.server.SftpServerConfig;
import dev.skiff.ssh.server.SshServer;
import dev.skiff.ssh.server.SystemCommands;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in local demo: an embedded Skiff SSH server on 127.0.0.1 (a random free port) serving
 * the user's own shell and home directory, so that a newcomer sees a working terminal at once.
 * Both keys are one-time: a fresh host key and a fresh client key are generated for each run and
 * never written to disk; only that client key may log in, and only from this process. Nothing
 * listens on another interface.
 *
 * <p>{@link #connect()} blocks (a worker thread); the rest is thread-safe.
 */
public final class LocalDemoServer implements AutoCloseable {
    /** The label shown for the demo in tabs and menus. */
    public static final String LABEL = "Local demo";

    private final SshServer server;
    private final SshKeyPair hostKey;
    private final SshKeyPair clientKey;
    private final String user;

    private LocalDemoServer(SshServer server, SshKeyPair hostKey, SshKeyPair clientKey, String user) {
        this.server = server;
        this.hostKey = hostKey;
        this.clientKey = clientKey;
        this.user = user;
    }

    /**
     * Starts the server for the current OS user. SFTP sees the whole file system, as the shell
     * does (the same user, nothing more), and starts in {@code home}, as sshd does: so the file
     * browser's paths are the shell's, and following the terminal works.
     */
    public static LocalDemoServer start(Path home) throws IOException {
        SshKeyPair hostKey = SshKeyGenerator.generate("ssh-ed25519", 0);
        SshKeyPair clientKey = SshKeyGenerator.generate("ssh-ed25519", 0);
        String user = System.getProperty("user.name", "user");
        SshServer server = SshServer.builder().addServerKey(hostKey).policy(new DemoPolicy(clientKey.publicKey()))
                .subsystem(SftpSubsystem.NAME, new SftpSubsystem(sftpConfig(home))).build();
        server.listen(new InetSocketAddress("127.0.0.1", 0));
        return new LocalDemoServer(server, hostKey, clientKey, user);
    }

    /** The file system's root (of home's drive on Windows) as "/", starting in home. */
    static SftpServerConfig sftpConfig(Path home) throws IOException {
        Path real = home.toRealPath();
        Path root = real.getRoot();
        String virtual = "/" + root.relativize(real).toString().replace(real.getFileSystem().getSeparator(), "/");
        return SftpServerConfig.of(root).withHome(virtual);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.boundPort();
    }

    public String user() {
        return user;
    }

    public SshPublicKey hostKey() {
        return hostKey.publicKey();
    }

    /**
     * Connects and logs in with the one-time key; the host key is checked against the one this
     * process generated (no question to the user: it is known).
     */
    public SshConnection connect() throws SshException {
        SshClientConfig config = SshClientConfig.defaults((host, port, key) -> {
            if (!Arrays.equals(key.blob(), hostKey.publicKey().blob())) {
                throw new HostKeyRejectedException("the local demo server presented an unexpected host key");
            }
        });
        SshConnection c = SshClient.connect(new ConnectSpec(host(), host(), port(), user), config);
        try {
            c.authenticatePublicKey(user, clientKey);
            return c;
        } catch (SshException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private static final class DemoPolicy implements ServerPolicy {
        private final SshPublicKey allowed;

        DemoPolicy(SshPublicKey allowed) {
            this.allowed = allowed;
        }

        @Override
        public List<String> allowedMethods(AuthContext ctx) {
            return List.of("publickey");
        }

        @Override
        public boolean isPublicKeyAcceptable(AuthContext ctx, SshPublicKey key) {
            return Arrays.equals(allowed.blob(), key.blob());
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
        public boolean acceptEnv(String user, String name, String value) {
            return name.equals("LANG") || name.startsWith("LC_");
        }

        @Override
        public ServerCommand exec(SessionInfo session, String command) {
            return SystemCommands.exec(session, command);
        }

        @Override
        public ServerCommand shell(SessionInfo session) {
            return SystemCommands.shell(session);
        }
    }
}
