package dev.skiff.ssh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.ssh.userauth.AuthenticationPlan;
import dev.skiff.ssh.userauth.Identity;
import dev.skiff.ssh.userauth.UserAuthClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Skiff's client against Skiff's server on loopback: every auth method, limits, exec sessions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshServerTest {
    static final SshKeyPair HOST_KEY = SshKeyGenerator.generate("ssh-ed25519", 0);
    static final SshKeyPair BOB = SshKeyGenerator.generate("ecdsa-sha2-nistp256", 0);
    static final SshKeyPair DAVE = SshKeyGenerator.generate("ssh-rsa", 2048);
    static final Duration T = Duration.ofSeconds(30);
    private SshServer server;
    private final TestPolicy policy = new TestPolicy();

    @BeforeAll
    void start() throws Exception {
        policy.keys.put("bob", BOB.publicKey().blob());
        policy.keys.put("dave", DAVE.publicKey().blob());
        server = SshServer.builder().addServerKey(HOST_KEY).policy(policy)
                .limits(ServerLimits.defaults().withMaxAuthTries(3).withMaxSessions(25)).build();
        server.listen(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static SshConnection connect(SshServer s) throws SshException {
        TransportConfig tc = TransportConfig.builder().kexAlgorithms("curve25519-sha256").requestTimeout(T).build();
        return SshClient.connect(ConnectSpec.of("127.0.0.1", s.boundPort()), SshClientConfig.of(tc, HostKeyVerifier.ACCEPT_ALL));
    }

    private SshConnection connect() throws SshException {
        return connect(server);
    }

    static String run(SshConnection c, String command, StringBuilder err, ExitStatus[] exit) throws Exception {
        SessionChannel s = c.exec(command);
        s.stdin().close();
        CompletableFuture<byte[]> e = CompletableFuture.supplyAsync(() -> readAll(s.stderr()));
        String out = new String(readAll(s.stdout()), StandardCharsets.UTF_8);
        exit[0] = s.waitFor(T);
        err.append(new String(e.get(), StandardCharsets.UTF_8));
        s.close();
        return out;
    }

    static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void passwordAndExecWithExitStatusAndStderr() throws Exception {
        try (SshConnection c = connect()) {
            c.authenticatePassword("alice", "secret".toCharArray());
            StringBuilder err = new StringBuilder();
            ExitStatus[] exit = new ExitStatus[1];
            assertEquals("out\n", run(c, "out-err", err, exit));
            assertEquals("err\n", err.toString());
            assertEquals(ExitStatus.ofCode(3), exit[0]);
            err.setLength(0);
            assertEquals("real\n", run(c, "echo real; echo oops 1>&2; exit 7", err, exit));
            assertEquals("oops\n", err.toString());
            assertEquals(ExitStatus.ofCode(7), exit[0]);
        }
    }

    @Test
    void wrongPasswordIsDelayed() throws Exception {
        try (SshConnection c = connect()) {
            long t0 = System.nanoTime();
            assertThrows(SshException.class, () -> c.authenticatePassword("alice", "wrong".toCharArray()));
            assertTrue(System.nanoTime() - t0 >= 290_000_000L, "failure came back too soon");
        }
    }

    @Test
    void publicKeyAndNone() throws Exception {
        try (SshConnection c = connect()) {
            c.authenticatePublicKey("bob", BOB);
            assertTrue(c.openSession() != null);
        }
        try (SshConnection c = connect()) {
            assertThrows(SshException.class, () -> c.authenticatePublicKey("bob", DAVE));
        }
        try (SshConnection c = connect()) {
            assertTrue(new UserAuthClient(c.transport(), "guest", T).none());
        }
    }

    @Test
    void keyboardInteractiveInTwoRounds() throws Exception {
        List<String> seen = new ArrayList<>();
        try (SshConnection c = connect()) {
            c.authenticate(AuthenticationPlan.builder("carol").preferredMethods(List.of("keyboard-interactive"))
                    .keyboardInteractiveHandler((user, host, name, instruction, prompts) -> {
                        seen.add(instruction + ":" + prompts.size());
                        return prompts.size() == 2 ? new char[][] {"carol".toCharArray(), "pw1".toCharArray()}
                                : new char[][] {"123456".toCharArray()};
                    }).build());
            assertEquals(List.of("two rounds:2", "round 2:1"), seen);
            c.openSession().close();
        }
    }

    @Test
    void publicKeyThenKeyboardInteractiveChain() throws Exception {
        try (SshConnection c = connect()) {
            c.authenticate(AuthenticationPlan.builder("dave").identity(Identity.of(DAVE, "dave's key"))
                    .keyboardInteractiveHandler((user, host, name, instruction, prompts) -> new char[][] {"42".toCharArray()})
                    .build());
            c.openSession().close();
        }
    }

    @Test
    void tooManyFailuresDisconnects() throws Exception {
        try (SshConnection c = connect()) {
            UserAuthClient auth = new UserAuthClient(c.transport(), "bob", T);
            assertFalse(auth.none());
            assertFalse(auth.publicKey(SshKeyGenerator.generate("ssh-ed25519", 0)));
            assertFalse(auth.publicKey(SshKeyGenerator.generate("ssh-ed25519", 0)));
            SshException e = assertThrows(SshException.class, () -> auth.publicKey(SshKeyGenerator.generate("ssh-ed25519", 0)));
            assertTrue(String.valueOf(c.transport().failure()).contains("Too many authentication failures"),
                    e + " / " + c.transport().failure());
        }
    }

    @Test
    void channelOpenBeforeAuthenticationDisconnects() throws Exception {
        try (SshConnection c = connect()) {
            assertThrows(SshException.class, c::openSession);
            c.transport().closedFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(String.valueOf(c.transport().failure()).contains("before user authentication"),
                    String.valueOf(c.transport().failure()));
        }
    }

    @Test
    void envAndStdin() throws Exception {
        try (SshConnection c = connect()) {
            c.authenticatePassword("alice", "secret".toCharArray());
            SessionChannel s = c.openSession();
            assertTrue(s.setEnv("SKIFF_X", "hello"));
            assertFalse(s.setEnv("LD_PRELOAD", "x"));
            s.exec("env SKIFF_X");
            assertEquals("hello", new String(readAll(s.stdout()), StandardCharsets.UTF_8));
            s.close();
            SessionChannel cat = c.exec("cat");
            byte[] data = new byte[300_000];
            new java.util.Random(1).nextBytes(data);
            CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> readAll(cat.stdout()));
            try (OutputStream o = cat.stdin()) {
                o.write(data);
            }
            assertTrue(java.util.Arrays.equals(data, back.get()));
            assertEquals(ExitStatus.ofCode(0), cat.waitFor(T));
        }
    }

    @Test
    void sessionsGetSshConnectionAndSshClientLikeSshd() throws Exception {
        try (SshConnection c = connect()) {
            c.authenticatePassword("alice", "secret".toCharArray());
            String connection = run(c, "env SSH_CONNECTION", new StringBuilder(), new ExitStatus[1]);
            var m = java.util.regex.Pattern.compile("127\\.0\\.0\\.1 (\\d+) 127\\.0\\.0\\.1 " + server.boundPort())
                    .matcher(connection);
            assertTrue(m.matches(), connection);
            assertEquals("127.0.0.1 " + m.group(1) + " " + server.boundPort(),
                    run(c, "env SSH_CLIENT", new StringBuilder(), new ExitStatus[1]));
        }
    }

    @Test
    void twentySessionsOnOneConnection() throws Exception {
        try (SshConnection c = connect()) {
            c.authenticatePublicKey("bob", BOB);
            List<SessionChannel> open = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                open.add(c.exec("cat"));
            }
            for (int i = 0; i < open.size(); i++) {
                SessionChannel s = open.get(i);
                try (OutputStream o = s.stdin()) {
                    o.write(("s" + i).getBytes(StandardCharsets.UTF_8));
                }
                assertEquals("s" + i, new String(readAll(s.stdout()), StandardCharsets.UTF_8));
                assertEquals(ExitStatus.ofCode(0), s.waitFor(T));
            }
        }
    }

    @Test
    void ptyFollowsWindowChange() throws Exception {
        try (SshConnection c = connect()) {
            c.authenticatePassword("alice", "secret".toCharArray());
            SessionChannel s = c.openSession();
            s.requestPty(dev.skiff.ssh.connection.PtyRequest.of("xterm", 80, 24));
            s.exec("stty size; sleep 1; stty size");
            java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(s.stdout(), StandardCharsets.UTF_8));
            assertEquals("24 80", r.readLine().strip());
            s.windowChange(120, 40, 0, 0);
            assertEquals("40 120", r.readLine().strip());
            assertEquals(ExitStatus.ofCode(0), s.waitFor(T));
        }
    }
}
