package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.skiff.ssh.sftp.server.SftpRequest.*;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only mode: reads work, every modification is PERMISSION_DENIED and nothing changes. */
class SftpReadOnlyTest {
    @TempDir
    Path root;

    @Test
    void modificationsAreDenied() throws Exception {
        Files.writeString(root.resolve("f"), "data");
        try (SftpTestClient c = new SftpTestClient(SftpServerConfig.of(root).withReadOnly(true))) {
            c.init();
            byte[] h = c.handle(new Open(c.id(), "f", FXF_READ, SftpAttrs.EMPTY));
            c.status(new HandleAttrs(c.id(), h, new SftpAttrs(ATTR_SIZE, 0, 0, 0, 0, 0, 0, java.util.List.of())), FX_PERMISSION_DENIED);
            c.status(new Open(c.id(), "f", FXF_WRITE, SftpAttrs.EMPTY), FX_PERMISSION_DENIED);
            c.status(new Open(c.id(), "n", FXF_READ | FXF_CREAT, SftpAttrs.EMPTY), FX_PERMISSION_DENIED);
            c.status(new PathAttrs(FXP_MKDIR, c.id(), "d", SftpAttrs.EMPTY), FX_PERMISSION_DENIED);
            c.status(new PathOp(FXP_REMOVE, c.id(), "f"), FX_PERMISSION_DENIED);
            c.status(new TwoPaths(FXP_RENAME, c.id(), "f", "g"), FX_PERMISSION_DENIED);
            c.status(new TwoPaths(FXP_SYMLINK, c.id(), "f", "g"), FX_PERMISSION_DENIED);
            c.status(new PathAttrs(FXP_SETSTAT, c.id(), "f", new SftpAttrs(ATTR_PERMISSIONS, 0, 0, 0, 0777, 0, 0, java.util.List.of())), FX_PERMISSION_DENIED);
            c.status(new Extended(c.id(), EXT_HARDLINK, new WireWriter().utf8("f").utf8("h").toByteArray()), FX_PERMISSION_DENIED);
            c.status(new Extended(c.id(), EXT_POSIX_RENAME, new WireWriter().utf8("f").utf8("h").toByteArray()), FX_PERMISSION_DENIED);
            assertNull(c.finish());
        }
        assertEquals("data", Files.readString(root.resolve("f")));
        try (var s = Files.list(root)) {
            assertEquals(1, s.count());
        }
    }
}
