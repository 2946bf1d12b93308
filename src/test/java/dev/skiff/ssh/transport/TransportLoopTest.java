package dev.skiff.ssh.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Client and server transports of Skiff's own over in-memory pipes (ring 1 of DESIGN.md section 7). */
class TransportLoopTest {
    private static TransportConfig.Builder base() {
        return TransportConfig.builder().kexTimeout(Duration.ofSeconds(20)).requestTimeout(Duration.ofSeconds(20));
    }

    /** Server side echoes "echo" global requests, so traffic flows in both directions. */
    private static void echo(TransportPair p) {
        p.server.setGlobalRequestHandler(r -> r.name().equals("echo") ? r.data() : null);
    }

    private static void assertTraffic(TransportPair p, int size) throws Exception {
        byte[] data = new byte[size];
        new java.util.Random(size).nextBytes(data);
        Optional<byte[]> reply = p.client.globalRequest("echo", true, data).get(20, TimeUnit.SECONDS);
        assertArrayEquals(data, reply.orElseThrow());
    }

    static List<String> kexMethods() {
        return AlgorithmLists.SUPPORTED_KEX;
    }

    @ParameterizedTest
    @MethodSource("kexMethods")
    void everyKexMethod(String kex) throws Exception {
        try (TransportPair p = new TransportPair(base().kexAlgorithms(kex).build())) {
            echo(p);
            assertEquals(kex, p.client.negotiated().kex());
            assertArrayEquals(p.client.sessionId(), p.server.sessionId());
            assertTrue(p.client.strictKex() && p.server.strictKex());
            p.client.requestService("ssh-userauth");
            assertTrue(p.client.serverSigAlgs().contains("rsa-sha2-512"), "server-sig-algs via EXT_INFO");
            assertTraffic(p, 1000);
        }
    }

    static List<String> hostKeyAlgorithms() {
        return AlgorithmLists.SUPPORTED_HOST_KEY;
    }

    @ParameterizedTest
    @MethodSource("hostKeyAlgorithms")
    void everyHostKeyAlgorithm(String alg) throws Exception {
        TransportConfig server = base().hostKeyAlgorithms("+ssh-rsa").build();
        try (TransportPair p = new TransportPair(base().hostKeyAlgorithms(alg).build(), server)) {
            assertEquals(alg, p.client.negotiated().hostKey());
            String type = dev.skiff.ssh.keys.SignatureAlgorithm.byName(alg).orElseThrow().keyType();
            assertEquals(type, p.client.serverHostKey().keyType());
        }
    }

    static List<String[]> cipherMacPairs() {
        List<String[]> l = new java.util.ArrayList<>();
        for (String c : AlgorithmLists.SUPPORTED_CIPHERS) {
            for (String m : AlgorithmLists.SUPPORTED_MACS) {
                l.add(new String[] {c, m});
            }
        }
        return l;
    }

    @ParameterizedTest
    @MethodSource("cipherMacPairs")
    void everyCipherAndMac(String cipher, String mac) throws Exception {
        TransportConfig c = base().kexAlgorithms("curve25519-sha256").ciphers(cipher).macs(mac).build();
        try (TransportPair p = new TransportPair(c)) {
            echo(p);
            assertEquals(cipher, p.client.negotiated().cipherServerToClient());
            assertTraffic(p, 1);
            assertTraffic(p, 100_000);
        }
    }

    @Test
    void zlibCompressionBothWays() throws Exception {
        TransportConfig c = base().kexAlgorithms("curve25519-sha256").compression("zlib").build();
        try (TransportPair p = new TransportPair(c)) {
            echo(p);
            assertEquals("zlib", p.client.negotiated().compressionClientToServer());
            for (int i = 0; i < 20; i++) {
                assertTraffic(p, 5000 * i + 1);
            }
            p.client.rekey().get(20, TimeUnit.SECONDS);
            assertTraffic(p, 70_000);
        }
    }

    @Test
    void delayedCompressionStartsAfterAuthentication() throws Exception {
        TransportConfig c = base().kexAlgorithms("curve25519-sha256").compression("zlib@openssh.com").build();
        try (TransportPair p = new TransportPair(c)) {
            echo(p);
            assertEquals("zlib@openssh.com", p.client.negotiated().compressionServerToClient());
            assertTraffic(p, 1000);
            // Both ends switch after "USERAUTH_SUCCESS"; here with no traffic in flight.
            p.server.authenticated();
            p.client.authenticated();
            for (int i = 0; i < 5; i++) {
                assertTraffic(p, 50_000);
            }
        }
    }

    @Test
    void repeatedRekeysFromBothSidesWhileTrafficFlows() throws Exception {
        try (TransportPair p = new TransportPair(base().build())) {
            echo(p);
            for (int i = 0; i < 10; i++) {
                Transport initiator = i % 2 == 0 ? p.client : p.server;
                var f = initiator.rekey();
                assertTraffic(p, 10_000);
                f.get(20, TimeUnit.SECONDS);
            }
            assertTraffic(p, 10);
            assertTrue(p.client.kexCount() >= 11, "kex count " + p.client.kexCount());
            assertEquals(p.client.kexCount(), p.server.kexCount());
        }
    }

    @Test
    void rekeyByDataVolume() throws Exception {
        TransportConfig c = base().kexAlgorithms("curve25519-sha256").rekeyBytes(64 * 1024).build();
        try (TransportPair p = new TransportPair(c)) {
            echo(p);
            for (int i = 0; i < 5; i++) {
                assertTraffic(p, 30_000);
            }
            assertEquals(1, p.client.kexCount(), "no automatic rekey before authentication (as OpenSSH)");
            p.server.authenticated();
            p.client.authenticated();
            for (int i = 0; i < 20; i++) {
                assertTraffic(p, 30_000);
            }
            assertTrue(p.client.kexCount() >= 5, "volume rekeys happened: " + p.client.kexCount());
        }
    }

    @Test
    void globalRequestsWithAndWithoutReply() throws Exception {
        try (TransportPair p = new TransportPair(base().build())) {
            List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            p.server.setGlobalRequestHandler(r -> {
                seen.add(r.name() + ":" + r.wantReply());
                return r.name().equals("yes") ? new byte[] {7} : null;
            });
            assertEquals(Optional.empty(), p.client.globalRequest("quiet", false, new byte[0]).get(5, TimeUnit.SECONDS));
            assertEquals(Optional.empty(), p.client.globalRequest("no", true, new byte[0]).get(5, TimeUnit.SECONDS));
            assertArrayEquals(new byte[] {7}, p.client.globalRequest("yes", true, new byte[0]).get(5, TimeUnit.SECONDS).orElseThrow());
            assertEquals(List.of("quiet:false", "no:true", "yes:true"), seen);
            // the client side refuses what it does not know (e.g. keepalive@openssh.com) with REQUEST_FAILURE
            assertEquals(Optional.empty(), p.server.globalRequest("keepalive@openssh.com", true, new byte[0]).get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void rekeyByPacketCount() throws Exception {
        TransportConfig c = base().kexAlgorithms("curve25519-sha256").rekeyPackets(50).build();
        try (TransportPair p = new TransportPair(c)) {
            echo(p);
            p.server.authenticated();
            p.client.authenticated();
            for (int i = 0; i < 200; i++) {
                assertTraffic(p, 10);
            }
            assertTrue(p.client.kexCount() >= 4, "packet-count rekeys: " + p.client.kexCount());
        }
    }

    /**
     * Regression: a global request with a reply holds the send lock around its send; when that
     * send made a rekey due, it asked the KEX driver under the lock while the reader thread, holding
     * the driver, waited for the lock to send KEXINIT: a deadlock. Both sides send from several
     * threads across many packet-count rekeys; everything must complete.
     */
    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a deadlock fails, not hangs, the build
    void concurrentRequestsAcrossPacketCountRekeysNeverDeadlock() throws Exception {
        TransportConfig c = base().kexAlgorithms("curve25519-sha256").rekeyPackets(7).build();
        try (TransportPair p = new TransportPair(c)) {
            echo(p);
            p.client.setGlobalRequestHandler(r -> r.name().equals("echo") ? r.data() : null);
            p.server.authenticated();
            p.client.authenticated();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6, r -> {
                Thread t = new Thread(r, "rekey-stress");
                t.setDaemon(true); // a deadlocked sender must not keep the test JVM alive
                return t;
            });
            try {
                List<CompletableFuture<Void>> all = new java.util.ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    Transport from = t % 2 == 0 ? p.client : p.server;
                    all.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < 150; i++) {
                            byte[] data = {(byte) i};
                            try {
                                assertArrayEquals(data, from.globalRequest("echo", true, data).get(20, TimeUnit.SECONDS).orElseThrow());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }, pool));
                }
                CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertTrue(p.client.kexCount() >= 10, "packet-count rekeys: " + p.client.kexCount());
        }
    }

    @Test
    void rekeyByTime() throws Exception {
        TransportConfig c = base().kexAlgorithms("curve25519-sha256").rekeyTime(Duration.ofMillis(500)).build();
        try (TransportPair p = new TransportPair(c)) {
            echo(p);
            p.server.authenticated();
            p.client.authenticated();
            Thread.sleep(3500);
            assertTraffic(p, 100);
            assertTrue(p.client.kexCount() >= 3, "time-based rekeys: " + p.client.kexCount());
        }
    }

    @Test
    void strictKexOnlyWhenBothOffer() throws Exception {
        try (TransportPair p = new TransportPair(base().build(), base().strictKex(false).build())) {
            assertFalse(p.client.strictKex());
        }
        TransportException e = assertThrows(TransportException.class,
                () -> new TransportPair(base().requireStrictKex(true).build(), base().strictKex(false).build()).close());
        assertTrue(e.getMessage().contains("strict"), e.getMessage());
    }

    @Test
    void noCommonCipherFailsBothSidesWithClearError() {
        TransportException e = assertThrows(TransportException.class,
                () -> new TransportPair(base().ciphers("aes128-ctr").build(), base().ciphers("aes256-ctr").build()).close());
        assertTrue(e.getMessage().contains("cipher"), e.getMessage());
    }

    @Test
    void flippedByteAfterKexEndsConnectionWithMacError() throws Exception {
        for (String cipher : AlgorithmLists.SUPPORTED_CIPHERS) {
            try (TransportPair p = new TransportPair(base().kexAlgorithms("curve25519-sha256").ciphers(cipher).build())) {
                echo(p);
                assertTraffic(p, 100);
                // flip one bit 40 bytes into what the server sends next
                long[] start = {-1};
                p.toClient.tamper(off -> {
                    if (start[0] < 0) {
                        start[0] = off;
                    }
                    return off == start[0] + 40 ? v -> v ^ 0x04 : null;
                });
                ExecutionException ex = assertThrows(ExecutionException.class,
                        () -> p.client.globalRequest("echo", true, new byte[200]).get(20, TimeUnit.SECONDS));
                ProtocolException pe = assertInstanceOf(ProtocolException.class, ex.getCause(), cipher);
                assertTrue(pe.reason() == DisconnectReason.MAC_ERROR || pe.reason() == DisconnectReason.PROTOCOL_ERROR,
                        cipher + ": " + pe.reason());
                assertFalse(p.client.isOpen());
            }
        }
    }

    @Test
    void closeFailsPendingRequestsAndEndsReader() throws Exception {
        TransportPair p = new TransportPair(base().build());
        // server never answers "slow"
        p.server.setGlobalRequestHandler(r -> {
            p.server.close();
            return null;
        });
        var f = p.client.globalRequest("slow", true, new byte[0]);
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
        assertInstanceOf(TransportException.class, e.getCause());
        p.client.closedFuture().get(20, TimeUnit.SECONDS);
        p.close();
        assertThrows(TransportException.class, () -> p.client.send(new byte[] {2, 0, 0, 0, 0}));
    }
}
