package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.server.ServerFixture;
import dev.skiff.testing.Exec;
import dev.skiff.testing.FreePorts;
import dev.skiff.testing.Peers;
import dev.skiff.ssh.transport.AlgorithmLists;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real OpenSSH client ({@code /usr/bin/ssh}) and Dropbear's {@code dbclient} against Skiff's
 * {@code SshServer} on loopback: exec with separate stdout/stderr and exit status, a pty shell
 * sized from pty-req, every shared KEX / cipher / MAC / host key algorithm, -L and -R forwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerOpenSshIT {
    private ServerFixture fx;
    private ServerSocket echo;

    @BeforeAll
    void start() throws Exception {
        Peers.requirePeer("/usr/bin/ssh");
        Peers.requirePeer("/usr/bin/ssh-keygen");
        fx = new ServerFixture(Files.createTempDirectory("skiff-server-it"));
        echo = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::echoLoop, "it-echo");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    private void echoLoop() {
        try {
            while (true) {
                Socket s = echo.accept();
                Thread t = new Thread(() -> {
                    try (s) {
                        s.getInputStream().transferTo(s.getOutputStream());
                    } catch (Exception ignored) {
                        // client went away
                    }
                }, "it-echo-conn");
                t.setDaemon(true);
                t.start();
            }
        } catch (Exception ignored) {
            // closed
        }
    }

    @Test
    void execKeepsStdoutStderrAndExitStatus() throws Exception {
        ServerFixture.Result r = fx.run(fx.ssh("-n", "127.0.0.1", "echo out; echo err 1>&2; exit 3"));
        assertEquals("out\n", r.out(), r.err());
        assertEquals("err\n", r.err());
        assertEquals(3, r.exit());
    }

    @Test
    void ptyHasTheClientsWindowSize() throws Exception {
        Peers.requirePeer("/usr/bin/script");
        String sshCmd = String.join(" ", fx.ssh("-tt", "127.0.0.1", "'stty size; tty'").stream()
                .map(a -> a.startsWith("'") ? a : "'" + a + "'").toList());
        ServerFixture.Result r = fx.run(List.of("/usr/bin/script", "-qec", "stty cols 101 rows 33; " + sshCmd, "/dev/null"));
        assertTrue(r.out().contains("33 101"), r.out() + r.err());
        assertTrue(r.out().contains("/dev/pts/"), r.out());
    }

    private void assertEchoOk(List<String> options) throws Exception {
        List<String> cmd = new ArrayList<>(options);
        cmd.addAll(List.of("-n", "127.0.0.1", "echo ok"));
        ServerFixture.Result r = fx.run(fx.ssh(cmd.toArray(String[]::new)));
        assertEquals("ok\n", r.out(), options + ": " + r.err());
        assertEquals(0, r.exit());
    }

    private static List<String> openSsh(String query) {
        return Arrays.asList(Exec.output("/usr/bin/ssh", "-Q", query).trim().split("\\s+"));
    }

    @Test
    void everySharedAlgorithm() throws Exception {
        List<String> failed = new ArrayList<>();
        check(failed, "KexAlgorithms", AlgorithmLists.SUPPORTED_KEX, openSsh("kex"), List.of());
        check(failed, "Ciphers", AlgorithmLists.SUPPORTED_CIPHERS, openSsh("cipher"), List.of());
        check(failed, "MACs", AlgorithmLists.SUPPORTED_MACS, openSsh("mac"), List.of("-o", "Ciphers=aes128-ctr"));
        check(failed, "HostKeyAlgorithms", AlgorithmLists.DEFAULT_HOST_KEY, openSsh("key-sig"), List.of());
        assertTrue(failed.isEmpty(), "failed: " + failed);
    }

    private void check(List<String> failed, String option, List<String> ours, List<String> theirs, List<String> extra) {
        for (String alg : ours) {
            if (!theirs.contains(alg)) {
                continue;
            }
            List<String> opts = new ArrayList<>(extra);
            opts.addAll(List.of("-o", option + "=" + alg));
            try {
                assertEchoOk(opts);
            } catch (Throwable e) {
                failed.add(alg + " (" + e.getMessage() + ")");
            }
        }
    }

    private static void assertEchoThrough(int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write("ping\n".getBytes(StandardCharsets.UTF_8));
            o.flush();
            byte[] b = new byte[5];
            InputStream in = s.getInputStream();
            int n = 0;
            while (n < 5) {
                int k = in.read(b, n, 5 - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            assertEquals("ping\n", new String(b, 0, n, StandardCharsets.UTF_8));
        }
    }

    /** Starts ssh with a forward and {@code sleep}, waits until {@code port} accepts, runs the check, stops ssh. */
    private void withForward(String flag, String spec, int port) throws Exception {
        List<String> cmd = fx.ssh("-n", "-o", "ExitOnForwardFailure=yes", flag, spec, "127.0.0.1", "sleep 30");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(fx.dir.resolve("fwd.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (true) {
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    break;
                } catch (java.io.IOException e) {
                    if (!p.isAlive() || System.nanoTime() > deadline) {
                        throw new AssertionError("forward never came up: " + Files.readString(fx.dir.resolve("fwd.log")));
                    }
                    Thread.sleep(100);
                }
            }
            assertEchoThrough(port);
            assertEchoThrough(port);
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void localForward() throws Exception {
        int port = FreePorts.next();
        withForward("-L", port + ":127.0.0.1:" + echo.getLocalPort(), port);
    }

    @Test
    void remoteForward() throws Exception {
        int port = FreePorts.next();
        withForward("-R", port + ":127.0.0.1:" + echo.getLocalPort(), port);
    }

    @Test
    void dropbearClientExec() throws Exception {
        Peers.requirePeer("/usr/bin/dbclient");
        ServerFixture.Result r = fx.run(List.of("/usr/bin/dbclient", "-y", "-y", "-p", String.valueOf(fx.server.boundPort()),
                "alice@127.0.0.1", "echo out; echo err 1>&2; exit 3"), "DROPBEAR_PASSWORD", "secret");
        assertEquals("out\n", r.out(), r.err());
        assertTrue(r.err().contains("err\n"), r.err());
        assertEquals(3, r.exit());
    }
}
