package dev.skiff.ssh.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.PeerDisconnectedException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.transport.msg.Disconnect;
import dev.skiff.ssh.transport.msg.KexInit;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A scripted fake server on loopback sends bad input; the client must end cleanly and promptly. */
class FakeServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    interface Script {
        void run(Socket s, OutputStream out) throws Exception;
    }

    private ServerSocket server;
    private Thread serverThread;

    private TransportException connectTo(Script script) throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        serverThread = new Thread(() -> {
            try (Socket s = server.accept()) {
                script.run(s, s.getOutputStream());
                s.getOutputStream().flush();
                Thread.sleep(TIMEOUT.toMillis() * 3);
            } catch (Exception ignored) {
                // the client hung up: fine
            }
        }, "fake-server");
        serverThread.setDaemon(true);
        serverThread.start();
        TransportConfig cfg = TransportConfig.builder().connectTimeout(TIMEOUT).kexTimeout(TIMEOUT).requestTimeout(TIMEOUT).build();
        long t0 = System.nanoTime();
        TransportException e = assertThrows(TransportException.class,
                () -> SshClient.handshake(ConnectSpec.of("127.0.0.1", server.getLocalPort()), cfg).close());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < TIMEOUT.toMillis() + 3000, "ended within the timeout, took " + ms + " ms");
        assertNoReaderThreads();
        return e;
    }

    static void assertNoReaderThreads() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (true) {
            List<String> readers = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith("ssh-read-")).toList();
            if (readers.isEmpty()) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("reader threads left behind: " + readers);
            }
            Thread.sleep(20);
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        if (serverThread != null) {
            serverThread.interrupt();
        }
    }

    private static void version(OutputStream out) throws Exception {
        out.write("SSH-2.0-Fake_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static KexInit kexInit() {
        return KexInit.create(new byte[16], List.of("curve25519-sha256", "kex-strict-s-v00@openssh.com"),
                List.of("ssh-ed25519"), List.of("aes128-ctr"), List.of("hmac-sha2-256"), List.of("none"));
    }

    @Test
    void garbageAfterVersion() throws Exception {
        TransportException e = connectTo((s, out) -> {
            version(out);
            byte[] junk = new byte[64];
            Arrays.fill(junk, (byte) 0x41);
            out.write(junk);
        });
        assertEquals(ProtocolException.class, e.getClass());
        assertTrue(e.getMessage().contains("bad packet length"), e.getMessage());
    }

    @Test
    void fourGibLength() throws Exception {
        TransportException e = connectTo((s, out) -> {
            version(out);
            out.write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0});
        });
        assertTrue(e.getMessage().contains("bad packet length 4294967295"), e.getMessage());
    }

    @Test
    void truncatedPacket() throws Exception {
        TransportException e = connectTo((s, out) -> {
            version(out);
            out.write(new byte[] {0, 0, 0, 124, 4, 20, 1, 2, 3, 4, 5, 6});
            out.flush();
            s.shutdownOutput();
            // keep reading what the client sends so that closing does not reset the connection
            s.getInputStream().transferTo(OutputStream.nullOutputStream());
        });
        assertEquals(PeerDisconnectedException.class, e.getClass(), e.toString());
        assertTrue(e.getMessage().contains("middle of a packet"), e.getMessage());
    }

    @Test
    void wrongPadding() throws Exception {
        TransportException e = connectTo((s, out) -> {
            version(out);
            // packet_length 12, padding_length 200: impossible
            out.write(new byte[] {0, 0, 0, 12, (byte) 200, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        });
        assertTrue(e.getMessage().contains("padding"), e.getMessage());
    }

    @Test
    void unalignedPacketLength() throws Exception {
        TransportException e = connectTo((s, out) -> {
            version(out);
            out.write(new byte[] {0, 0, 0, 13, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        });
        assertTrue(e.getMessage().contains("block size"), e.getMessage());
    }

    @Test
    void unexpectedMessageDuringKex() throws Exception {
        TransportException e = connectTo((s, out) -> {
            version(out);
            PacketCodec codec = new PacketCodec(s.getInputStream(), out);
            byte[] k = kexInit().encode();
            codec.write(k, 0, k.length);
            byte[] channelData = {94, 0, 0, 0, 0, 0, 0, 0, 1, 'x'};
            codec.write(channelData, 0, channelData.length);
        });
        assertEquals(ProtocolException.class, e.getClass());
        assertTrue(e.getMessage().contains("CHANNEL_DATA"), e.getMessage());
    }

    @Test
    void nonKexMessageBeforeKexInitWithoutStrictKex() throws Exception {
        TransportException e = connectTo((s, out) -> {
            version(out);
            PacketCodec codec = new PacketCodec(s.getInputStream(), out);
            byte[] accept = new dev.skiff.ssh.transport.msg.ServiceAccept("ssh-userauth").encode();
            codec.write(accept, 0, accept.length);
        });
        assertTrue(e.getMessage().contains("SERVICE_ACCEPT"), e.getMessage());
    }

    @Test
    void silentServerTimesOut() throws Exception {
        TransportException e = connectTo((s, out) -> { });
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void silentAfterVersionTimesOut() throws Exception {
        TransportException e = connectTo((s, out) -> version(out));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void ssh1ServerIsRefused() throws Exception {
        TransportException e = connectTo((s, out) -> out.write("SSH-1.5-Old\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void serverDisconnectIsReported() throws Exception {
        TransportException e = connectTo((s, out) -> {
            version(out);
            PacketCodec codec = new PacketCodec(s.getInputStream(), out);
            byte[] d = new Disconnect(DisconnectReason.TOO_MANY_CONNECTIONS.code(), "go away\u001b[31m", "").encode();
            codec.write(d, 0, d.length);
        });
        assertEquals(PeerDisconnectedException.class, e.getClass());
        assertEquals(DisconnectReason.TOO_MANY_CONNECTIONS, ((PeerDisconnectedException) e).reason());
        assertTrue(e.getMessage().contains("go away\\x1b[31m"), "control characters made visible: " + e.getMessage());
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TransportException e = assertThrows(TransportException.class,
                () -> SshClient.handshake(ConnectSpec.of("127.0.0.1", port), TransportConfig.defaults()));
        assertTrue(e.getMessage().contains("port " + port), e.getMessage());
    }
}
