package dev.skiff.app.testing;

import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.server.AuthContext;
import dev.skiff.ssh.server.AuthResult;
import dev.skiff.ssh.server.InteractiveChallenge;
import dev.skiff.ssh.server.InteractiveStep;
import dev.skiff.ssh.server.PtyInfo;
import dev.skiff.ssh.server.ServerCommand;
import dev.skiff.ssh.server.ServerPolicy;
import dev.skiff.ssh.server.SessionInfo;
import dev.skiff.ssh.server.SftpSubsystem;
import dev.skiff.ssh.server.SshServer;
import dev.skiff.ssh.server.SystemCommands;
import dev.skiff.ssh.userauth.Prompt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Skiff SSH server on 127.0.0.1 (random port) for the desktop app's tests. Users:
 * <ul>
 *   <li>{@value #PASSWORD_USER} with password {@value #PASSWORD} ({@code password} method);</li>
 *   <li>{@value #KBDINT_USER}: {@code keyboard-interactive} with one round of two prompts,
 *       {@value #KBDINT_PROMPT1} (no echo, answer {@value #PASSWORD}) and {@value #KBDINT_PROMPT2}
 *       (echo, answer {@value #KBDINT_CODE}), name {@value #KBDINT_NAME} and instruction
 *       {@value #KBDINT_INSTRUCTION};</li>
 *   <li>any user whose public key is {@link #allowKey allowed}.</li>
 * </ul>
 * Sessions run real processes as the OS user (pty shells through pty4j, exec), {@code sftp} is rooted
 * at the given directory, -L/-R (and so -D) forwarding is allowed, and {@code env} requests are
 * accepted and recorded ({@link #envRequests}). Close it after the test.
 */
public final class AppTestServer implements AutoCloseable {
    public static final String PASSWORD_USER = "alice";
    public static final String PASSWORD = "secret";
    public static final String KBDINT_USER = "carol";
    public static final String KBDINT_NAME = "Two-step login";
    public static final String KBDINT_INSTRUCTION = "Answer both questions.";
    public static final String KBDINT_PROMPT1 = "Password: ";
    public static final String KBDINT_PROMPT2 = "Code: ";
    public static final String KBDINT_CODE = "42";
    /** The login shell sessions run (a POSIX shell independent of the user's rc files). */
    public static final String TEST_SHELL = "/bin/sh";

    private final SshServer server;
    private final SshKeyPair hostKey;
    private final AtomicInteger authSuccesses = new AtomicInteger();
    private final AtomicInteger kbdintRounds = new AtomicInteger();
    private final List<String> envRequests = new CopyOnWriteArrayList<>();
    private volatile SshPublicKey allowedKey;

    /** A server with a fresh ed25519 host key, SFTP rooted at {@code sftpRoot}. */
    public AppTestServer(Path sftpRoot) throws IOException {
        this(sftpRoot, SshKeyGenerator.generate("ssh-ed25519", 0), 0);
    }

    /**
     * A server with the given host key on the given port (0 for any): start a second one with
     * another key on the first one's port (after closing it) to test a changed host key.
     */
    public AppTestServer(Path sftpRoot, SshKeyPair hostKey, int port) throws IOException {
        this.hostKey = hostKey;
        server = SshServer.builder().addServerKey(hostKey).policy(new Policy())
                .subsystem(SftpSubsystem.NAME, SftpSubsystem.rootedAt(sftpRoot)).build();
        server.listen(new InetSocketAddress("127.0.0.1", port));
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.boundPort();
    }

    public SshKeyPair hostKey() {
        return hostKey;
    }

    /** The host key's {@code SHA256:...} fingerprint, as ssh-keygen -l prints it. */
    public String hostKeyFingerprint() {
        return hostKey.publicKey().sha256Fingerprint();
    }

    /** Accepts {@code key} for publickey authentication of any user. */
    public void allowKey(SshPublicKey key) {
        allowedKey = key;
    }

    /** Successful logins so far (to check that tabs share one connection). */
    public int authSuccesses() {
        return authSuccesses.get();
    }

    /** Keyboard-interactive rounds started so far. */
    public int keyboardInteractiveRounds() {
        return kbdintRounds.get();
    }

    /** Every {@code env} request received so far, as {@code NAME=value} (all are accepted). */
    public List<String> envRequests() {
        return List.copyOf(envRequests);
    }

    public int connectionCount() {
        return server.connectionCount();
    }

    public SshServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    private final class Policy implements ServerPolicy {
        @Override
        public List<String> allowedMethods(AuthContext ctx) {
            return List.of("publickey", "keyboard-interactive", "password");
        }

        @Override
        public AuthResult checkPassword(AuthContext ctx, char[] password) {
            return count(ctx.user().equals(PASSWORD_USER) && Arrays.equals(password, PASSWORD.toCharArray()));
        }

        @Override
        public boolean isPublicKeyAcceptable(AuthContext ctx, SshPublicKey key) {
            SshPublicKey k = allowedKey;
            return k != null && Arrays.equals(k.blob(), key.blob());
        }

        @Override
        public AuthResult checkPublicKey(AuthContext ctx, SshPublicKey key) {
            return count(isPublicKeyAcceptable(ctx, key));
        }

        @Override
        public InteractiveChallenge startKeyboardInteractive(AuthContext ctx, String submethods) {
            if (!ctx.user().equals(KBDINT_USER)) {
                return null;
            }
            kbdintRounds.incrementAndGet();
            return new InteractiveChallenge(KBDINT_NAME, KBDINT_INSTRUCTION,
                    List.of(new Prompt(KBDINT_PROMPT1, false), new Prompt(KBDINT_PROMPT2, true)));
        }

        @Override
        public InteractiveStep answerKeyboardInteractive(AuthContext ctx, char[][] responses) {
            boolean ok = responses.length == 2 && Arrays.equals(responses[0], PASSWORD.toCharArray())
                    && Arrays.equals(responses[1], KBDINT_CODE.toCharArray());
            return InteractiveStep.done(count(ok));
        }

        private AuthResult count(boolean ok) {
            if (ok) {
                authSuccesses.incrementAndGet();
                return AuthResult.SUCCESS;
            }
            return AuthResult.FAILURE;
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
            envRequests.add(name + "=" + value);
            return true;
        }

        @Override
        public ServerCommand exec(SessionInfo session, String command) {
            return SystemCommands.exec(session, command);
        }

        @Override
        public ServerCommand shell(SessionInfo session) {
            // /bin/sh, not the user's $SHELL: the test then does not depend on this machine's
            // ~/.bashrc (a stale pyenv rehash lock there made every bash start wait 60 s)
            return SystemCommands.shell(session, TEST_SHELL);
        }

        @Override
        public boolean allowDirectTcpip(String user, String host, int port, String originator) {
            return true;
        }

        @Override
        public boolean allowRemoteForward(String user, String bindAddress, int port) {
            return true;
        }
    }
}
