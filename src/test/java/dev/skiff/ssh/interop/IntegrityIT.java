package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.testing.OpenSshServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * OpenSSH regress "integrity": a bit flipped in transit after the key exchange ends the connection
 * with a MAC/AEAD error; the tampered data is never accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrityIT {
    private OpenSshServer sshd;

    @BeforeAll
    void start() {
        sshd = OpenSshServer.start();
    }

    @AfterAll
    void stop() {
        sshd.close();
    }

    @TestFactory
    Stream<DynamicTest> flippedBitIsDetected() {
        String[][] cases = {
            {"chacha20-poly1305@openssh.com", "hmac-sha2-256"},
            {"aes128-gcm@openssh.com", "hmac-sha2-256"},
            {"aes256-gcm@openssh.com", "hmac-sha2-256"},
            {"aes128-ctr", "hmac-sha2-256-etm@openssh.com"},
            {"aes256-ctr", "hmac-sha2-512-etm@openssh.com"},
            {"aes192-ctr", "hmac-sha2-256"},
            {"aes128-ctr", "hmac-sha2-512"},
        };
        return Stream.of(cases).flatMap(c -> Stream.of(5L, 30L).map(offset -> DynamicTest.dynamicTest(
                c[0] + " " + c[1] + " at +" + offset, () -> check(c[0], c[1], offset))));
    }

    private void check(String cipher, String mac, long offset) throws Exception {
        try (TamperProxy proxy = new TamperProxy(sshd.host(), sshd.port())) {
            StringBuilder known = new StringBuilder();
            for (String line : sshd.hostKeyPublicLines().values()) {
                String[] f = line.split(" ");
                known.append("[127.0.0.1]:").append(proxy.port()).append(' ').append(f[0]).append(' ').append(f[1]).append('\n');
            }
            PeerMatrix peer = new PeerMatrix("127.0.0.1", proxy.port(), known.toString(),
                    Files.createTempDirectory("skiff-it"), false);
            try (SshConnection c = peer.connect(PeerMatrix.base().ciphers(cipher).macs(mac).build())) {
                c.ping(Duration.ofSeconds(10));
                proxy.armDownstream(offset);
                SshException e = assertThrows(SshException.class, () -> c.ping(Duration.ofSeconds(10)));
                ProtocolException pe = assertInstanceOf(ProtocolException.class, e, e.toString());
                // In encrypt-and-MAC CTR mode a flip inside the encrypted length may surface as a bad length.
                if (offset > 4 || !cipher.endsWith("-ctr") || mac.contains("etm")) {
                    assertEquals(DisconnectReason.MAC_ERROR, pe.reason(), pe.getMessage());
                }
                assertFalse(c.isOpen());
            }
        }
    }
}
