package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.HostKeyRejectedException;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.testing.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/** The transport against a real OpenSSH sshd: every common KEX, host key algorithm, cipher x MAC; rekeys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSshTransportIT {
    private static final SshKeyPair USER_KEY = SshKeyGenerator.generate("ssh-ed25519", 0);
    private static final SshKeyPair RSA_KEY = SshKeyGenerator.generate("ssh-rsa", 3072);
    private static final SshKeyPair ECDSA_KEY = SshKeyGenerator.generate("ecdsa-sha2-nistp384", 0);
    private OpenSshServer sshd;
    private PeerMatrix peer;
    private Path dir;

    /** Connects and logs in with the test key: rekeying needs an authenticated session with OpenSSH. */
    private SshConnection login(PeerMatrix p, OpenSshServer server, TransportConfig cfg) throws Exception {
        SshConnection c = p.connect(cfg);
        c.authenticatePublicKey(server.user(), USER_KEY);
        return c;
    }

    @BeforeAll
    void start() throws Exception {
        sshd = OpenSshServer.builder().hostKeyTypes("ed25519", "ecdsa", "ecdsa-384", "ecdsa-521", "rsa")
                .config("HostKeyAlgorithms +ssh-rsa").config("MaxStartups 100")
                .authorizedKey(USER_KEY.publicKey().toOpenSshString()).authorizedKey(RSA_KEY.publicKey().toOpenSshString())
                .authorizedKey(ECDSA_KEY.publicKey().toOpenSshString()).start();
        dir = Files.createTempDirectory("skiff-it");
        peer = new PeerMatrix(sshd.host(), sshd.port(), sshd.knownHostsText(), dir);
    }

    @AfterAll
    void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private void assertWorks(TransportConfig cfg, String what) throws Exception {
        try (SshConnection c = peer.connect(cfg)) {
            c.ping(Duration.ofSeconds(10));
            assertTrue(c.strictKex(), what + ": strict KEX with OpenSSH 9.x");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyKexTheServerOffers() {
        List<String> kex = peer.kex();
        assertTrue(kex.containsAll(List.of("curve25519-sha256", "ecdh-sha2-nistp256", "diffie-hellman-group-exchange-sha256",
                "diffie-hellman-group14-sha256", "sntrup761x25519-sha512@openssh.com")), "server offers " + kex);
        return kex.stream().map(k -> DynamicTest.dynamicTest(k, () -> {
            try (SshConnection c = peer.connect(PeerMatrix.base().kexAlgorithms(k).build())) {
                assertEquals(k, c.algorithms().kex());
                c.ping(Duration.ofSeconds(10));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyHostKeyAlgorithm() {
        List<String> algs = peer.hostKeys();
        assertEquals(7, algs.size(), "server offers " + algs);
        return algs.stream().map(a -> DynamicTest.dynamicTest(a, () -> {
            try (SshConnection c = peer.connect(PeerMatrix.base().hostKeyAlgorithms(a).build())) {
                assertEquals(a, c.algorithms().hostKey());
                assertEquals(SignatureAlgorithm.byName(a).orElseThrow().keyType(), c.hostKey().keyType());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCipherAndMac() {
        assertEquals(6, peer.ciphers().size(), "server ciphers " + peer.ciphers());
        assertEquals(6, peer.macs().size(), "server MACs " + peer.macs());
        return peer.cipherMacPairs().stream().map(p -> DynamicTest.dynamicTest(p[0] + " " + p[1], () ->
                assertWorks(PeerMatrix.base().kexAlgorithms("curve25519-sha256").ciphers(p[0]).macs(p[1]).build(),
                        p[0] + "/" + p[1])));
    }

    @Test
    void publicKeyAuthenticationWithEachKeyType() throws Exception {
        for (SshKeyPair k : List.of(USER_KEY, RSA_KEY, ECDSA_KEY)) {
            try (SshConnection c = peer.connect(PeerMatrix.base().build())) {
                c.authenticatePublicKey(sshd.user(), k);
                c.ping(Duration.ofSeconds(10));
            }
        }
        SshKeyPair stranger = SshKeyGenerator.generate("ssh-ed25519", 0);
        try (SshConnection c = peer.connect(PeerMatrix.base().build())) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> c.authenticatePublicKey(sshd.user(), stranger));
            assertTrue(e.getMessage().contains("tried publickey"), e.getMessage());
            assertTrue(e.allowedMethods().contains("publickey"), e.getMessage());
        }
    }

    @Test
    void preAuthRekeyIsRefusedCleanlyByOpenSsh() throws Exception {
        try (SshConnection c = peer.connect(PeerMatrix.base().build())) {
            TransportException e = assertThrows(TransportException.class, () -> c.rekey(Duration.ofSeconds(10)));
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
            c.authenticatePublicKey(sshd.user(), USER_KEY);
            c.rekey(Duration.ofSeconds(10));
            c.ping(Duration.ofSeconds(10));
            assertEquals(2, c.kexCount());
        }
    }

    @Test
    void repeatedClientRekeys() throws Exception {
        try (SshConnection c = login(peer, sshd, PeerMatrix.base().build())) {
            for (int i = 0; i < 10; i++) {
                c.rekey(Duration.ofSeconds(20));
                c.ping(Duration.ofSeconds(10));
            }
            assertEquals(11, c.kexCount());
        }
    }

    @Test
    void serverInitiatedRekeysByVolume() throws Exception {
        try (OpenSshServer small = OpenSshServer.builder().config("RekeyLimit 32K")
                .authorizedKey(USER_KEY.publicKey().toOpenSshString()).start()) {
            PeerMatrix p = new PeerMatrix(small.host(), small.port(), small.knownHostsText(), Files.createTempDirectory("skiff-it"));
            try (SshConnection c = login(p, small, PeerMatrix.base().build())) {
                byte[] junk = new byte[8000];
                for (int i = 0; i < 100; i++) {
                    c.transport().sendIgnore(junk);
                    if (i % 10 == 0) {
                        c.ping(Duration.ofSeconds(10));
                    }
                }
                c.ping(Duration.ofSeconds(10));
                assertTrue(c.kexCount() >= 5, "server rekeyed: " + c.kexCount());
            }
        }
    }

    @Test
    void clientRekeyByVolumeWithEachCipherFamily() throws Exception {
        for (String cipher : List.of("chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr")) {
            try (SshConnection c = login(peer, sshd, PeerMatrix.base().ciphers(cipher).rekeyBytes(64 * 1024).build())) {
                byte[] junk = new byte[16000];
                for (int i = 0; i < 40; i++) {
                    c.transport().sendIgnore(junk);
                    if (i % 4 == 3) {
                        c.ping(Duration.ofSeconds(10));
                    }
                }
                c.ping(Duration.ofSeconds(10));
                assertTrue(c.kexCount() >= 5, cipher + " rekeys: " + c.kexCount());
            }
        }
    }

    @Test
    void unknownHostIsRefusedBeforeAuthenticationUnderStrictChecking() throws Exception {
        Files.writeString(peer.knownHosts.resolveSibling("empty"), "");
        PeerMatrix empty = new PeerMatrix(sshd.host(), sshd.port(), "", Files.createTempDirectory("skiff-it"));
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class, () -> empty.connect(PeerMatrix.base().build()));
        assertTrue(e.getMessage().contains("not known"), e.getMessage());
    }

    @Test
    void changedHostKeyIsRefused() throws Exception {
        String other = "[" + sshd.host() + "]:" + sshd.port()
                + " " + dev.skiff.ssh.keys.SshKeyGenerator.generate("ssh-ed25519", 0).publicKey().toOpenSshString() + "\n";
        PeerMatrix changed = new PeerMatrix(sshd.host(), sshd.port(), other, Files.createTempDirectory("skiff-it"));
        HostKeyRejectedException e = assertThrows(HostKeyRejectedException.class,
                () -> changed.connect(PeerMatrix.base().hostKeyAlgorithms("ssh-ed25519").build()));
        assertTrue(e.getMessage().contains("CHANGED") || e.getMessage().toLowerCase().contains("changed"), e.getMessage());
    }

    @Test
    void noCommonCipherIsAClearError() {
        try (OpenSshServer only = OpenSshServer.builder().config("Ciphers aes256-ctr").start()) {
            TransportException e = assertThrows(TransportException.class, () -> new PeerMatrix(only.host(), only.port(),
                    only.knownHostsText(), Files.createTempDirectory("x")).connect(PeerMatrix.base().ciphers("aes128-ctr").build()));
            assertTrue(e.getMessage().contains("cipher"), e.getMessage());
        }
    }

    @Test
    void thousandHandshakesLeaveNoThreads() throws Exception {
        try (SshConnection warm = peer.connect(PeerMatrix.base().build())) {
            warm.ping(Duration.ofSeconds(10));
        }
        Thread.sleep(200);
        int before = Thread.activeCount();
        for (int i = 0; i < 1000; i++) {
            try (SshConnection c = peer.connect(PeerMatrix.base().kexAlgorithms("curve25519-sha256")
                    .hostKeyAlgorithms("ssh-ed25519").build())) {
                assertTrue(c.isOpen());
            }
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (Thread.activeCount() > before && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before, Thread.activeCount(), "thread count after 1000 handshakes");
    }

    @Test
    void keepaliveGetsAnswered() throws Exception {
        try (SshConnection c = peer.connect(PeerMatrix.base().keepalive(Duration.ofMillis(300), 2).build())) {
            Thread.sleep(2000);
            assertTrue(c.isOpen(), "sshd answers keepalive@openssh.com, the connection stays up");
        }
    }

    @Test
    void keepaliveEndsAConnectionWhoseServerStopsResponding() throws Exception {
        try (TamperProxy proxy = new TamperProxy(sshd.host(), sshd.port())) {
            String known = sshd.knownHostsText().replace(":" + sshd.port() + " ", ":" + proxy.port() + " ");
            PeerMatrix p = new PeerMatrix("127.0.0.1", proxy.port(), known, Files.createTempDirectory("skiff-it"), false);
            try (SshConnection c = p.connect(PeerMatrix.base().keepalive(Duration.ofMillis(300), 2).build())) {
                c.authenticatePublicKey(sshd.user(), USER_KEY);
                Thread.sleep(1000);
                assertTrue(c.isOpen(), "answered keepalives keep it open");
                long t0 = System.nanoTime();
                proxy.blackholeDownstream();
                c.transport().closedFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms >= 600 && ms < 3000, "ended after about (CountMax+1) x interval: " + ms + " ms");
                assertTrue(c.transport().failure().getMessage().contains("not responding"), c.transport().failure().getMessage());
            }
        }
    }

    @Test
    void knownKeyTypeIsPreferredInTheOffer() throws Exception {
        String rsaOnly = sshd.knownHostsText().lines().filter(l -> l.contains(" ssh-rsa ")).findFirst().orElseThrow() + "\n";
        PeerMatrix p = new PeerMatrix(sshd.host(), sshd.port(), rsaOnly, Files.createTempDirectory("skiff-it"), false);
        try (SshConnection c = p.connect(PeerMatrix.base().build())) {
            assertEquals("rsa-sha2-512", c.algorithms().hostKey(), "known_hosts holds only the RSA key");
        }
    }

    @Test
    void delayedCompressionAfterAuthentication() throws Exception {
        try (SshConnection c = peer.connect(PeerMatrix.base().compression("yes").build())) {
            assertEquals("zlib@openssh.com", c.algorithms().compressionClientToServer());
            c.authenticatePublicKey(sshd.user(), USER_KEY);
            long before = c.transport().bytesSent();
            byte[] zeros = new byte[64 * 1024];
            for (int i = 0; i < 16; i++) {
                c.transport().sendIgnore(zeros);
            }
            c.ping(Duration.ofSeconds(10));
            long sent = c.transport().bytesSent() - before;
            assertTrue(sent < 64 * 1024, "1 MiB of zeros went out compressed: " + sent + " bytes");
            c.rekey(Duration.ofSeconds(10));
            c.ping(Duration.ofSeconds(10));
        }
    }

    @Test
    void serverSigAlgsAreParsed() throws Exception {
        try (SshConnection c = peer.connect(PeerMatrix.base().build())) {
            assertTrue(c.serverSigAlgs().contains("rsa-sha2-512"), "server-sig-algs " + c.serverSigAlgs());
            assertInstanceOf(String.class, c.serverVersion());
            assertTrue(c.serverVersion().startsWith("SSH-2.0-OpenSSH"));
        }
    }
}
