package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.ChannelException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.connection.PtyRequest;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.testing.OpenSshServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Session channels against a real sshd: OpenSSH regress cases exit-status, exit-status-signal,
 * stderr-data, stderr-after-eof, broken-pipe, yes-head, envpass; big concurrent stdout+stderr,
 * 200 channels on one connection, rekeying during a 256 MiB transfer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionIT {
    private static final SshKeyPair KEY = SshKeyGenerator.generate("ssh-ed25519", 0);
    private static final Duration T = Duration.ofSeconds(60);
    private OpenSshServer sshd;
    private PeerMatrix peer;

    @BeforeAll
    void start() throws Exception {
        sshd = OpenSshServer.builder().config("MaxSessions 250").config("AcceptEnv SKIFF_*").config("RekeyLimit 1M")
                .authorizedKey(KEY.publicKey().toOpenSshString()).start();
        peer = new PeerMatrix(sshd.host(), sshd.port(), sshd.knownHostsText(), Files.createTempDirectory("skiff-it"), false);
    }

    @AfterAll
    void stop() {
        sshd.close();
    }

    private SshConnection login() throws Exception {
        // curve25519: the 256 MiB test rekeys every MiB, and BouncyCastle's sntrup761 keygen costs ~60 ms
        SshConnection c = peer.connect(PeerMatrix.base().kexAlgorithms("curve25519-sha256").build());
        c.authenticatePublicKey(sshd.user(), KEY);
        return c;
    }

    record Result(String out, String err, ExitStatus exit) {
    }

    /** Runs a command, draining stdout and stderr on separate threads. */
    private static Result run(SshConnection c, String command) throws Exception {
        SessionChannel s = c.exec(command);
        s.stdin().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(s.stderr()));
        byte[] out = readAll(s.stdout());
        ExitStatus exit = s.waitFor(T);
        s.close();
        return new Result(new String(out, StandardCharsets.UTF_8), new String(err.get(), StandardCharsets.UTF_8), exit);
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void exitStatus() throws Exception {
        try (SshConnection c = login()) {
            for (int code : new int[] {0, 1, 4, 5, 44}) {
                Result r = run(c, "exit " + code);
                assertEquals(ExitStatus.ofCode(code), r.exit());
            }
            assertEquals("hello\n", run(c, "echo hello").out());
        }
    }

    @Test
    void commandOnItsOwnNewConnection() throws Exception {
        try (dev.skiff.ssh.RemoteCommand cmd = dev.skiff.ssh.RemoteCommand.start(dev.skiff.ssh.ConnectSpec.of(sshd.host(), sshd.port()),
                dev.skiff.ssh.SshClientConfig.of(PeerMatrix.base().build(), new dev.skiff.ssh.knownhosts.KnownHostsVerifier(
                        List.of(peer.knownHosts), dev.skiff.ssh.knownhosts.StrictHostKeyChecking.YES, null)),
                dev.skiff.ssh.userauth.AuthenticationPlan.builder(sshd.user())
                        .identity(dev.skiff.ssh.userauth.Identity.of(KEY, "test key")).build(), "cat; exit 9")) {
            cmd.stdin().write("through stdin".getBytes(StandardCharsets.US_ASCII));
            cmd.stdin().close();
            assertEquals("through stdin", new String(cmd.stdout().readAllBytes(), StandardCharsets.US_ASCII));
            assertEquals(9, cmd.waitFor(T).code());
            assertTrue(cmd.connection().isOpen());
            cmd.close();
            assertFalse(cmd.connection().isOpen());
        }
    }

    @Test
    void exitStatusSignal() throws Exception {
        try (SshConnection c = login()) {
            Result r = run(c, "kill -HUP $$");
            assertTrue(r.exit().bySignal(), r.exit().toString());
            assertEquals("HUP", r.exit().signal());
            assertEquals(129, r.exit().shellStatus());
        }
    }

    @Test
    void stderrData() throws Exception {
        try (SshConnection c = login()) {
            Result r = run(c, "echo out; echo err 1>&2; exit 3");
            assertEquals("out\n", r.out());
            assertEquals("err\n", r.err());
            assertEquals(3, r.exit().code());
        }
    }

    @Test
    void stderrAfterEof() throws Exception {
        try (SshConnection c = login()) {
            Result r = run(c, "echo stdout; exec 1>&-; sleep 1; echo stderr 1>&2");
            assertEquals("stdout\n", r.out());
            assertEquals("stderr\n", r.err(), "stderr sent after stdout's EOF is delivered");
        }
    }

    @Test
    void yesHeadAndBrokenPipe() throws Exception {
        try (SshConnection c = login()) {
            for (int i = 0; i < 3; i++) {
                SessionChannel s = c.exec("yes");
                byte[] first = s.stdout().readNBytes(2000 * 2);
                assertEquals("y\n".repeat(2000), new String(first, StandardCharsets.US_ASCII));
                s.stdout().close(); // like head exiting: stop reading
                s.close();
                assertTrue(s.closedFuture().isDone());
            }
            assertEquals("still fine\n", run(c, "echo still fine").out(), "the connection survives");
        }
    }

    @Test
    void envPass() throws Exception {
        try (SshConnection c = login()) {
            SessionChannel s = c.openSession();
            assertTrue(s.setEnv("SKIFF_TEST_VAR", "a value"));
            assertFalse(s.setEnv("NOT_ACCEPTED", "x"), "sshd's AcceptEnv refuses it");
            s.exec("echo \"$SKIFF_TEST_VAR|$NOT_ACCEPTED\"");
            assertEquals("a value|\n", new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8));
            s.close();
        }
    }

    @Test
    void ptyShellAndWindowChange() throws Exception {
        try (SshConnection c = login()) {
            SessionChannel s = c.openSession();
            s.requestPty(PtyRequest.of("xterm", 80, 24));
            s.exec("stty size; read x; stty size");
            InputStream out = s.stdout();
            StringBuilder first = new StringBuilder();
            int ch;
            while ((ch = out.read()) >= 0 && ch != '\n') {
                first.append((char) ch);
            }
            assertTrue(first.toString().startsWith("24 80"), first.toString());
            s.windowChange(132, 50, 0, 0);
            s.stdin().write("go\r".getBytes(StandardCharsets.US_ASCII));
            String rest = new String(out.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(rest.contains("50 132"), rest);
            s.close();
        }
    }

    @Test
    void fourMebibytesOnStdoutAndStderrAtOnce() throws Exception {
        try (SshConnection c = login()) {
            Result r = run(c, "head -c 4194304 /dev/zero | tr '\\0' o & head -c 4194304 /dev/zero | tr '\\0' e 1>&2; wait");
            assertEquals(4 * 1024 * 1024, r.out().length());
            assertEquals(4 * 1024 * 1024, r.err().length());
            assertTrue(r.out().chars().allMatch(ch -> ch == 'o'));
        }
    }

    @Test
    void twoHundredConcurrentChannels() throws Exception {
        try (SshConnection c = login()) {
            List<SessionChannel> open = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                open.add(c.exec("read x; echo $x-" + i));
            }
            assertEquals(200, c.connectionService().channels().size());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                SessionChannel s = open.get(i);
                results.add(pool.submit(() -> {
                    OutputStream in = s.stdin();
                    in.write("ch\n".getBytes(StandardCharsets.US_ASCII));
                    in.close();
                    String out = new String(s.stdout().readAllBytes(), StandardCharsets.US_ASCII);
                    s.close();
                    return out;
                }));
            }
            for (int i = 0; i < 200; i++) {
                assertEquals("ch-" + i + "\n", results.get(i).get());
            }
            pool.shutdown();
            assertTrue(c.connectionService().channels().isEmpty());
        }
    }

    @Test
    void rekeyDuringA256MebibyteTransferBothWays() throws Exception {
        int size = 256 * 1024 * 1024;
        try (SshConnection c = login()) {
            int kexBefore = c.kexCount();
            // upload: the server hashes what we send
            SessionChannel up = c.exec("sha256sum");
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            Random rnd = new Random(42);
            OutputStream in = up.stdin();
            for (int sent = 0; sent < size; sent += buf.length) {
                rnd.nextBytes(buf);
                md.update(buf);
                in.write(buf);
            }
            in.close();
            String remote = new String(up.stdout().readAllBytes(), StandardCharsets.US_ASCII).split(" ")[0];
            up.close();
            assertEquals(HexFormat.of().formatHex(md.digest()), remote);
            // download: we hash what the server sends, and compare with its own hash of the same bytes
            SessionChannel down = c.exec("head -c " + size + " /dev/urandom | tee >(sha256sum 1>&2)");
            MessageDigest md2 = MessageDigest.getInstance("SHA-256");
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(down.stderr()));
            InputStream out = down.stdout();
            long total = 0;
            int n;
            while ((n = out.read(buf)) > 0) {
                md2.update(buf, 0, n);
                total += n;
            }
            String serverSum = new String(err.get(), StandardCharsets.US_ASCII).split(" ")[0];
            down.close();
            assertEquals(size, total);
            assertEquals(serverSum, HexFormat.of().formatHex(md2.digest()));
            assertTrue(c.kexCount() - kexBefore > 100, "RekeyLimit 1M: rekeyed " + (c.kexCount() - kexBefore) + " times");
        }
    }

    @Test
    void refusedSubsystemAndClosedChannel() throws Exception {
        try (SshConnection c = login()) {
            SessionChannel s = c.openSession();
            ChannelException e = assertThrows(ChannelException.class, () -> s.subsystem("no-such-subsystem"));
            assertTrue(e.getMessage().contains("subsystem"), e.getMessage());
            s.close();
            assertThrows(ChannelException.class, () -> s.stdin().write(1));
            assertNotNull(run(c, "true").exit());
        }
    }

    @Test
    void connectionLossFailsEveryChannel() throws Exception {
        SshConnection c = login();
        SessionChannel s = c.exec("sleep 30");
        c.transport().close();
        Exception e = assertThrows(Exception.class, () -> s.stdout().read());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(Exception.class, () -> s.waitFor(T));
        assertArrayEquals(new byte[0], new byte[0]);
        new ByteArrayOutputStream().close();
    }
}
