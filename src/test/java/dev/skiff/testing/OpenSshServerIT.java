package dev.skiff.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpenSshServerIT {

    @Test
    void serverOffersEachGeneratedHostKeyToSshKeyscan() {
        try (OpenSshServer sshd = OpenSshServer.start()) {
            assertEquals(List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"),
                    List.copyOf(sshd.hostKeyPublicLines().keySet()));

            Set<String> scanned = KeyScan.scan(sshd.port(), "ed25519,ecdsa,rsa");

            Set<String> expected = sshd.hostKeyPublicLines().values().stream()
                    .map(KeyScan::typeAndBlob).collect(Collectors.toSet());
            assertEquals(expected, scanned, sshd.logText());
            assertTrue(sshd.knownHostsText().startsWith("[127.0.0.1]:" + sshd.port() + " ssh-ed25519 AAAA"));
            assertTrue(sshd.logText().contains("Server listening on 127.0.0.1 port " + sshd.port()), sshd.logText());
        }
    }

    @Test
    void extraConfigOverridesTheDefaults() {
        try (OpenSshServer sshd = OpenSshServer.builder()
                .config("HostKeyAlgorithms ssh-ed25519")
                .config("RekeyLimit 1M")
                .start()) {
            Set<String> scanned = KeyScan.scan(sshd.port(), "ed25519,ecdsa,rsa");

            assertEquals(Set.of(KeyScan.typeAndBlob(sshd.hostKeyPublicLines().get("ssh-ed25519"))), scanned);
        }
    }

    @Test
    void closeStopsTheServerAndRemovesItsFiles() {
        OpenSshServer sshd = OpenSshServer.builder().hostKeyTypes("ed25519").start();
        Path dir = sshd.directory();
        int port = sshd.port();
        long pid = sshd.pid();

        sshd.close();

        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(dir));
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        });
        assertTrue(sshd.logText().contains("Server listening"), "log is kept after close");
    }

    @Test
    void badConfigFailsWithTheLog() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OpenSshServer.builder().hostKeyTypes("ed25519").config("NoSuchOption yes").start().close());
        assertTrue(e.getMessage().contains("NoSuchOption"), e.getMessage());
    }
}
