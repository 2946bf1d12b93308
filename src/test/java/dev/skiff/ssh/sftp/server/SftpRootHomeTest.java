package dev.skiff.ssh.sftp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relative paths start in the configured home; absolute ones and ".." still stay inside the root. */
class SftpRootHomeTest {
    @TempDir
    Path dir;

    @Test
    void relativePathsStartInHome() throws Exception {
        Files.createDirectories(dir.resolve("home/alice"));
        SftpRoot root = new SftpRoot(dir, "/home/alice");
        Path real = dir.toRealPath();
        assertEquals("/home/alice", root.home());
        assertEquals("/home/alice", root.resolve("", true).virtual());
        assertEquals("/home/alice", root.resolve(".", true).virtual());
        assertEquals(new SftpRoot.Resolved("/home/alice/notes.txt", real.resolve("home/alice/notes.txt")),
                root.resolve("notes.txt", true));
        assertEquals("/home", root.resolve("..", true).virtual());
        assertEquals("/etc", root.resolve("../../../../../etc", true).virtual(), "'..' stops at the root");
        assertEquals(real.resolve("etc"), root.resolve("../../../../../etc", true).real());
        assertEquals("/srv", root.resolve("/srv", true).virtual());
        assertEquals("/", new SftpRoot(dir).home());
        assertEquals("/x", new SftpRoot(dir).resolve("x", true).virtual());
    }

    @Test
    void homeMustBeAbsolute() {
        assertThrows(IllegalArgumentException.class, () -> new SftpRoot(dir, "home"));
        assertThrows(IllegalArgumentException.class, () -> SftpServerConfig.of(dir).withHome("home"));
    }
}
