package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SshConnection;
import dev.skiff.testing.DropbearServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/** The transport against Dropbear: every common KEX, host key algorithm and cipher x MAC, and rekeys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DropbearTransportIT {
    private DropbearServer dropbear;
    private PeerMatrix peer;

    @BeforeAll
    void start() throws Exception {
        dropbear = DropbearServer.start();
        peer = new PeerMatrix(dropbear.host(), dropbear.port(), dropbear.knownHostsText(), Files.createTempDirectory("skiff-it"));
    }

    @AfterAll
    void stop() {
        if (dropbear != null) {
            dropbear.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommonKex() {
        List<String> kex = peer.kex();
        assertTrue(kex.contains("curve25519-sha256"), "dropbear offers " + kex);
        return kex.stream().map(k -> DynamicTest.dynamicTest(k, () -> {
            try (SshConnection c = peer.connect(PeerMatrix.base().kexAlgorithms(k).build())) {
                assertEquals(k, c.algorithms().kex());
                c.rekey(Duration.ofSeconds(20)); // a full round trip (Dropbear exits on global requests before auth)
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCommonHostKeyAlgorithm() {
        List<String> algs = peer.hostKeys();
        assertTrue(algs.size() >= 3, "dropbear offers " + algs);
        return algs.stream().map(a -> DynamicTest.dynamicTest(a, () -> {
            try (SshConnection c = peer.connect(PeerMatrix.base().hostKeyAlgorithms(a).build())) {
                assertEquals(a, c.algorithms().hostKey());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCommonCipherAndMac() {
        assertTrue(peer.ciphers().size() >= 2, "dropbear ciphers " + peer.ciphers());
        return peer.cipherMacPairs().stream().map(p -> DynamicTest.dynamicTest(p[0] + " " + p[1], () -> {
            try (SshConnection c = peer.connect(PeerMatrix.base().ciphers(p[0]).macs(p[1]).build())) {
                assertEquals(p[0], c.algorithms().cipherServerToClient());
                c.rekey(Duration.ofSeconds(20)); // a full round trip (Dropbear exits on global requests before auth)
            }
        }));
    }

    @Test
    void repeatedRekeys() throws Exception {
        try (SshConnection c = peer.connect(PeerMatrix.base().build())) {
            for (int i = 0; i < 10; i++) {
                c.rekey(Duration.ofSeconds(20));
            }
            assertEquals(11, c.kexCount());
            assertTrue(c.isOpen());
        }
    }
}
