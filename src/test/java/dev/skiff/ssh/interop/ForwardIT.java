package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.forward.DynamicForward;
import dev.skiff.ssh.forward.EchoServer;
import dev.skiff.ssh.forward.LocalForward;
import dev.skiff.ssh.forward.RemoteForward;
import dev.skiff.ssh.forward.ThreadCheck;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.testing.OpenSshServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Port forwarding against a real sshd (OpenSSH regress "forwarding"): -L, -R and -D to a loopback
 * echo server, 1 MiB round trips on concurrent connections, half-close, refused targets, SOCKS
 * error codes, and no thread left after close.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardIT {
    private static final SshKeyPair KEY = SshKeyGenerator.generate("ssh-ed25519", 0);
    private static final int TIMEOUT_MS = 30_000;
    private OpenSshServer sshd;
    private PeerMatrix peer;
    private EchoServer echo;
    private SshConnection conn;

    @BeforeAll
    void startServer() throws Exception {
        sshd = OpenSshServer.builder().hostKeyTypes("ed25519").config("AllowTcpForwarding yes")
                .config("GatewayPorts no").config("PermitOpen any").authorizedKey(KEY.publicKey().toOpenSshString())
                .start();
        peer = new PeerMatrix(sshd.host(), sshd.port(), sshd.knownHostsText(), Files.createTempDirectory("skiff-it"), false);
    }

    @AfterAll
    void stopServer() {
        sshd.close();
    }

    @BeforeEach
    void connect() throws Exception {
        echo = new EchoServer();
        conn = peer.connect(PeerMatrix.base().kexAlgorithms("curve25519-sha256").build());
        conn.authenticatePublicKey(sshd.user(), KEY);
    }

    @AfterEach
    void disconnect() throws Exception {
        conn.close();
        echo.close();
        assertEquals(List.of(), ThreadCheck.awaitNone("skiff-fwd-", 5000), "forwarding threads left");
    }

    private static Socket open(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
        s.setSoTimeout(TIMEOUT_MS);
        return s;
    }

    /** Sends {@code data} on one thread while reading the echo on this one; returns what came back. */
    private static byte[] roundTrip(Socket s, byte[] data) throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = s.getOutputStream();
                for (int off = 0; off < data.length; off += 8192) {
                    out.write(data, off, Math.min(8192, data.length - off));
                }
                s.shutdownOutput();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        byte[] back = s.getInputStream().readAllBytes();
        writer.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return back;
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void localForwardCarriesOneMebibyteOnConcurrentConnections() throws Exception {
        try (LocalForward f = conn.forwardLocal(null, 0, "127.0.0.1", echo.port())) {
            assertTrue(f.boundPort() > 0);
            assertTrue(f.localAddress().getAddress().isLoopbackAddress(), f.localAddress().toString());
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long seed = i;
                runs.add(CompletableFuture.runAsync(() -> {
                    try (Socket s = open(f.boundPort())) {
                        byte[] data = random(1 << 20, seed);
                        assertArrayEquals(data, roundTrip(s, data));
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }));
            }
            for (CompletableFuture<Void> r : runs) {
                r.get(120, TimeUnit.SECONDS);
            }
            assertEquals(4, echo.accepted());
        }
        assertEquals(List.of(), ThreadCheck.awaitNone("skiff-fwd-L", 5000));
    }

    @Test
    void localForwardHalfClose() throws Exception {
        try (LocalForward f = conn.forwardLocal("127.0.0.1", 0, "127.0.0.1", echo.port()); Socket s = open(f.boundPort())) {
            s.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput(); // -> channel EOF -> sshd shuts the echo socket's output -> echo closes
            assertEquals("hello", new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
            assertEquals(-1, s.getInputStream().read());
        }
    }

    @Test
    void localForwardToClosedPortClosesTheConnectionAndKeepsServing() throws Exception {
        int port = closedPort();
        try (LocalForward f = conn.forwardLocal(null, 0, "127.0.0.1", port)) {
            try (Socket s = open(f.boundPort())) {
                assertEquals(-1, s.getInputStream().read(), "refused channel: local connection closed");
            }
            try (EchoServer late = new EchoServer(port); Socket s = open(f.boundPort())) {
                assertArrayEquals("again".getBytes(), roundTrip(s, "again".getBytes()));
            }
            assertTrue(f.isOpen());
        }
    }

    @Test
    void remoteForwardWithAllocatedPortAndCancel() throws Exception {
        RemoteForward f = conn.forwardRemote(null, 0, "127.0.0.1", echo.port());
        int port = f.boundPort();
        assertTrue(port > 0, "allocated port " + port);
        assertEquals("localhost", f.bindAddress());
        for (int i = 0; i < 3; i++) {
            try (Socket s = open(port)) {
                byte[] data = random(300_000, i);
                assertArrayEquals(data, roundTrip(s, data));
            }
        }
        f.close();
        assertThrows(ConnectException.class, () -> open(port).close());
        assertEquals(List.of(), ThreadCheck.awaitNone("skiff-fwd-R", 5000));
        // a second forward on the same connection still works after the cancel
        try (RemoteForward g = conn.forwardRemote("127.0.0.1", 0, "127.0.0.1", echo.port()); Socket s = open(g.boundPort())) {
            assertArrayEquals("x".getBytes(), roundTrip(s, "x".getBytes()));
        }
    }

    @Test
    void remoteForwardToClosedLocalPortClosesTheRemoteConnection() throws Exception {
        try (RemoteForward f = conn.forwardRemote(null, 0, "127.0.0.1", closedPort()); Socket s = open(f.boundPort())) {
            assertEquals(-1, s.getInputStream().read());
        }
    }

    // ------------------------------------------------------------------ SOCKS

    private static byte[] readN(InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        new DataInputStream(in).readFully(b);
        return b;
    }

    /** SOCKS5 CONNECT; returns the reply code. */
    private static int socks5(Socket s, byte[] addressField, int port) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(new byte[] {5, 1, 0});
        assertArrayEquals(new byte[] {5, 0}, readN(s.getInputStream(), 2));
        out.write(new byte[] {5, 1, 0});
        out.write(addressField);
        out.write(new byte[] {(byte) (port >> 8), (byte) port});
        byte[] reply = readN(s.getInputStream(), 10);
        assertEquals(5, reply[0]);
        return reply[1];
    }

    private static byte[] domain(String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] f = new byte[n.length + 2];
        f[0] = 3;
        f[1] = (byte) n.length;
        System.arraycopy(n, 0, f, 2, n.length);
        return f;
    }

    private static final byte[] IPV4_LOOPBACK = {1, 127, 0, 0, 1};

    /** SOCKS4 (or 4a with {@code host}) CONNECT; returns the reply code. */
    private static int socks4(Socket s, String host, int port) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(new byte[] {4, 1, (byte) (port >> 8), (byte) port});
        out.write(host == null ? new byte[] {127, 0, 0, 1} : new byte[] {0, 0, 0, 1});
        out.write("user\0".getBytes(StandardCharsets.US_ASCII));
        if (host != null) {
            out.write((host + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] reply = readN(s.getInputStream(), 8);
        assertEquals(0, reply[0]);
        return reply[1] & 0xff;
    }

    @Test
    void dynamicForwardSocks5DomainAndIpv4() throws Exception {
        try (DynamicForward d = conn.forwardDynamic(null, 0)) {
            try (Socket s = open(d.boundPort())) {
                assertEquals(0, socks5(s, domain("localhost"), echo.port()));
                byte[] data = random(1 << 20, 7);
                assertArrayEquals(data, roundTrip(s, data));
            }
            try (Socket s = open(d.boundPort())) {
                assertEquals(0, socks5(s, IPV4_LOOPBACK, echo.port()));
                assertArrayEquals("v4".getBytes(), roundTrip(s, "v4".getBytes()));
            }
        }
    }

    @Test
    void dynamicForwardSocks4And4a() throws Exception {
        try (DynamicForward d = conn.forwardDynamic("127.0.0.1", 0)) {
            try (Socket s = open(d.boundPort())) {
                assertEquals(0x5A, socks4(s, null, echo.port()));
                assertArrayEquals("four".getBytes(), roundTrip(s, "four".getBytes()));
            }
            try (Socket s = open(d.boundPort())) {
                assertEquals(0x5A, socks4(s, "localhost", echo.port()));
                assertArrayEquals("four-a".getBytes(), roundTrip(s, "four-a".getBytes()));
            }
        }
    }

    @Test
    void dynamicForwardRefusedTargetsGetSocksErrors() throws Exception {
        int port = closedPort();
        try (DynamicForward d = conn.forwardDynamic(null, 0)) {
            try (Socket s = open(d.boundPort())) {
                assertEquals(0x05, socks5(s, IPV4_LOOPBACK, port), "SOCKS5 connection refused");
                assertEquals(-1, s.getInputStream().read());
            }
            try (Socket s = open(d.boundPort())) {
                assertEquals(0x5B, socks4(s, null, port));
                assertEquals(-1, s.getInputStream().read());
            }
            try (Socket s = open(d.boundPort())) { // not SOCKS at all: closed without a reply
                s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals(-1, s.getInputStream().read());
            }
            try (Socket s = open(d.boundPort())) { // still serving
                assertEquals(0, socks5(s, IPV4_LOOPBACK, echo.port()));
                assertArrayEquals("ok".getBytes(), roundTrip(s, "ok".getBytes()));
            }
        }
    }

    @Test
    void closingTheConnectionStopsItsForwards() throws Exception {
        LocalForward l = conn.forwardLocal(null, 0, "127.0.0.1", echo.port());
        DynamicForward d = conn.forwardDynamic(null, 0);
        RemoteForward r = conn.forwardRemote(null, 0, "127.0.0.1", echo.port());
        Socket idle = open(l.boundPort());
        assertArrayEquals("a".getBytes(), roundTripKeepOpen(idle, "a".getBytes()));
        conn.close();
        assertEquals(-1, idle.getInputStream().read());
        idle.close();
        assertTrue(!l.isOpen() && !d.isOpen());
        assertThrows(ConnectException.class, () -> open(l.boundPort()).close());
        assertEquals(0, r.activeConnections());
        assertEquals(List.of(), ThreadCheck.awaitNone("skiff-fwd-", 5000));
    }

    private static byte[] roundTripKeepOpen(Socket s, byte[] data) throws IOException {
        s.getOutputStream().write(data);
        return readN(s.getInputStream(), data.length);
    }
}
