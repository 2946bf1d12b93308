package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.sftp.server.SftpRequest.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handles left open by the client are closed when the session ends (counted in /proc/self/fd). */
class SftpSessionEndTest {
    @TempDir
    Path root;

    private static long openFds() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    @Test
    void openHandlesAreClosedAtSessionEnd() throws Exception {
        org.junit.jupiter.api.Assertions.assertTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc/self/fd");
        Files.writeString(root.resolve("f"), "x");
        SftpTestClient c = new SftpTestClient(SftpServerConfig.of(root));
        c.init();
        long before = openFds();
        for (int i = 0; i < 5; i++) {
            c.handle(new Open(c.id(), "f", FXF_READ, SftpAttrs.EMPTY));
            c.handle(new PathOp(FXP_OPENDIR, c.id(), "/"));
        }
        assertTrue(openFds() >= before + 10);
        assertNull(c.finish());
        assertEquals(before, openFds(), "every handle closed");
    }
}
