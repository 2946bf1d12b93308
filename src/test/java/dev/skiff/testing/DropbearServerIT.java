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

class DropbearServerIT {

    @Test
    void serverOffersEachGeneratedHostKeyToSshKeyscan() {
        try (DropbearServer dropbear = DropbearServer.start()) {
            assertEquals(List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"),
                    List.copyOf(dropbear.hostKeyPublicLines().keySet()));

            Set<String> scanned = KeyScan.scan(dropbear.port(), "ed25519,ecdsa,rsa");

            Set<String> expected = dropbear.hostKeyPublicLines().values().stream()
                    .map(KeyScan::typeAndBlob).collect(Collectors.toSet());
            assertEquals(expected, scanned, dropbear.logText());
        }
    }

    @Test
    void closeStopsTheServerAndRemovesItsFiles() {
        DropbearServer dropbear = DropbearServer.builder().hostKeyTypes("ed25519").arg("-s").start();
        Path dir = dropbear.directory();
        int port = dropbear.port();
        long pid = dropbear.pid();

        dropbear.close();

        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(dir));
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        });
        assertFalse(dropbear.logText().isEmpty(), "log is kept after close");
    }
}
