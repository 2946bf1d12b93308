package dev.skiff.ssh.connection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.ChannelOpenFailedException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.ssh.transport.TransportPair;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Channels between two ConnectionServices over an in-memory transport pair: flow control, concurrency, close. */
class ChannelLoopTest {
    /** A generic channel type for the tests. */
    static final class EchoChannel extends Channel {
        EchoChannel(ConnectionService c, ConnectionConfig cfg) {
            super(c, "echo", cfg.window(), cfg.maxPacket());
        }
    }

    private TransportPair pair;
    private ConnectionService client;
    private ConnectionService server;
    private final ConnectionConfig small = new ConnectionConfig(16 * 1024, 1024, Duration.ofSeconds(20), Duration.ofSeconds(20));

    @BeforeEach
    void setUp() throws Exception {
        pair = new TransportPair(TransportConfig.builder().kexAlgorithms("curve25519-sha256").build());
        client = new ConnectionService(pair.client, small);
        server = new ConnectionService(pair.server, small);
        server.onChannelOpen("echo", (svc, open) -> {
            EchoChannel ch = new EchoChannel(svc, small);
            svc.confirm(ch, open);
            Thread t = new Thread(() -> {
                try (InputStream in = ch.inputStream(); OutputStream out = ch.outputStream()) {
                    in.transferTo(out);
                } catch (Exception ignored) {
                    // channel went away
                }
                ch.close();
            }, "echo-server-" + ch.localId());
            t.setDaemon(true);
            t.start();
            return ch;
        });
        server.onChannelOpen("sink", (svc, open) -> new EchoChannel(svc, small));
        server.onChannelOpen("refuse", (svc, open) -> {
            throw new ChannelOpenFailedException(ChannelOpenFailedException.ADMINISTRATIVELY_PROHIBITED, "no");
        });
    }

    @AfterEach
    void tearDown() {
        pair.close();
    }

    private byte[] echo(int size) throws Exception {
        EchoChannel ch = client.open(new EchoChannel(client, small), new byte[0]);
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> {
            try {
                return ch.inputStream().readAllBytes();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        try (OutputStream out = ch.outputStream()) {
            out.write(data);
        }
        byte[] got = back.get(60, TimeUnit.SECONDS);
        ch.closedFuture().get(20, TimeUnit.SECONDS);
        assertArrayEquals(data, got);
        return got;
    }

    @Test
    void bigTransferThroughSmallWindows() throws Exception {
        echo(8 * 1024 * 1024);
        assertTrue(client.channels().isEmpty());
    }

    @Test
    void manyConcurrentChannels() throws Exception {
        List<CompletableFuture<byte[]>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int size = 100_000 + i;
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return echo(size);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (CompletableFuture<byte[]> f : all) {
            f.get(120, TimeUnit.SECONDS);
        }
        assertTrue(client.channels().isEmpty());
        // the server forgets a channel when our CLOSE reaches it, just after our side completed
        long deadline = System.currentTimeMillis() + 5000;
        while (!server.channels().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(server.channels().isEmpty(), "server channels: " + server.channels());
    }

    @Test
    void refusedAndUnknownChannelTypes() {
        ChannelOpenFailedException e = assertThrows(ChannelOpenFailedException.class,
                () -> client.open(new Channel(client, "refuse", 1024, 1024) { }, new byte[0]));
        assertEquals(ChannelOpenFailedException.ADMINISTRATIVELY_PROHIBITED, e.reasonCode());
        ChannelOpenFailedException u = assertThrows(ChannelOpenFailedException.class,
                () -> client.open(new Channel(client, "nope", 1024, 1024) { }, new byte[0]));
        assertEquals(ChannelOpenFailedException.UNKNOWN_CHANNEL_TYPE, u.reasonCode());
        assertTrue(client.channels().isEmpty());
    }

    @Test
    void connectionLossFailsReadersAndWriters() throws Exception {
        Channel ch = client.open(new Channel(client, "sink", 16 * 1024, 1024) { }, new byte[0]);
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return ch.inputStream().read();
            } catch (Exception e) {
                return -2;
            }
        });
        // fill the peer's window so a writer blocks, then kill the connection
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                ch.write(new byte[1024 * 1024], 0, 1024 * 1024, 0);
            } catch (SshException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(300);
        pair.server.close();
        assertEquals(-2, reader.get(10, TimeUnit.SECONDS));
        assertThrows(Exception.class, () -> writer.get(10, TimeUnit.SECONDS));
        assertTrue(ch.closedFuture().isDone());
    }
}
