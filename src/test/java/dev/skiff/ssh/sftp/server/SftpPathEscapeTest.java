package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.skiff.ssh.sftp.server.SftpRequest.*;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No request reaches outside the root: {@code ..}, absolute paths, symbolic links inside the root
 * that point outside (absolute, relative, chains, loops, dangling), and the targets of RENAME,
 * SYMLINK and hardlink. Each is refused (PERMISSION_DENIED / NO_SUCH_FILE) or stays inside.
 */
class SftpPathEscapeTest {
    @TempDir
    Path tmp;
    Path root;
    Path outside;
    SftpTestClient c;

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectory(tmp.resolve("root"));
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.writeString(root.resolve("inside"), "inside");
        Files.createSymbolicLink(root.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("up"), Path.of("../outside"));
        Files.createSymbolicLink(root.resolve("chain1"), Path.of("chain2"));
        Files.createSymbolicLink(root.resolve("chain2"), Path.of("up"));
        Files.createSymbolicLink(root.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(root.resolve("loop2"), Path.of("loop1"));
        Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("created"));
        c = new SftpTestClient(SftpServerConfig.of(root));
        c.init();
    }

    @AfterEach
    void stop() throws Exception {
        assertNull(c.finish());
        assertEquals(List.of("secret"), List.of(outside.toFile().list()), "nothing outside the root changed");
        assertEquals("secret", Files.readString(outside.resolve("secret")));
    }

    private void refused(SftpRequest req) throws Exception {
        c.send(req);
        WireReader r = c.receive();
        assertEquals(FXP_STATUS, r.byteValue(), req.toString());
        r.uint32();
        long code = r.uint32();
        assertTrue(code == FX_NO_SUCH_FILE || code == FX_PERMISSION_DENIED, req + " answered " + code);
    }

    private String realpath(String p) throws Exception {
        WireReader r = c.expect(new PathOp(FXP_REALPATH, c.id(), p), FXP_NAME);
        assertEquals(1, r.uint32());
        return r.utf8();
    }

    @Test
    void dotDotAndAbsolutePathsStayInside() throws Exception {
        assertEquals("/", realpath("../../../.."));
        assertEquals("/inside", realpath("/../../inside"));
        assertEquals("/outside", realpath("../outside"));
        refused(new PathOp(FXP_REALPATH, c.id(), "../outside/secret"));
        String abs = outside.resolve("secret").toString();
        for (String p : List.of("../outside/secret", "/../outside/secret", abs, "../../../../etc/passwd", "/etc/passwd")) {
            refused(new Open(c.id(), p, FXF_READ, SftpAttrs.EMPTY));
            refused(new PathOp(FXP_STAT, c.id(), p));
            refused(new PathOp(FXP_REMOVE, c.id(), p));
        }
        WireReader r = c.expect(new HandleOp(FXP_READDIR, c.id(), c.handle(new PathOp(FXP_OPENDIR, c.id(), "/.."))), FXP_NAME);
        assertTrue(r.uint32() > 2, "\"/..\" lists the root itself");
    }

    @Test
    void symlinksPointingOutsideAreReadInsideTheRoot() throws Exception {
        // inside the root, "etc -> /etc" points at itself: a loop, as it would be in a chroot
        refused(new PathOp(FXP_REALPATH, c.id(), "etc"));
        assertEquals("/outside", realpath("up"));
        assertEquals("/outside", realpath("chain1"));
        for (String p : List.of("etc/passwd", "etc/hostname", "out/secret", "up/secret", "chain1/secret", "chain2/secret")) {
            refused(new Open(c.id(), p, FXF_READ, SftpAttrs.EMPTY));
            refused(new PathOp(FXP_STAT, c.id(), p));
            refused(new PathOp(FXP_LSTAT, c.id(), p));
        }
        for (String p : List.of("etc", "out", "up", "chain1", "loop1")) {
            refused(new PathOp(FXP_OPENDIR, c.id(), p));
            refused(new PathOp(FXP_STAT, c.id(), p));
        }
        refused(new PathOp(FXP_STAT, c.id(), "loop1/x"));
        // lstat of the link itself is fine and reveals nothing behind it
        assertEquals(FileStat.S_IFLNK, SftpAttrs.decode(c.expect(new PathOp(FXP_LSTAT, c.id(), "out"), FXP_ATTRS)).permissions() & FileStat.S_IFMT);
    }

    @Test
    void writesThroughLinksNeverLeaveTheRoot() throws Exception {
        refused(new Open(c.id(), "dangling", FXF_WRITE | FXF_CREAT, SftpAttrs.EMPTY));
        refused(new Open(c.id(), "out/new", FXF_WRITE | FXF_CREAT, SftpAttrs.EMPTY));
        refused(new Open(c.id(), "up/secret", FXF_WRITE | FXF_TRUNC, SftpAttrs.EMPTY));
        refused(new PathAttrs(FXP_MKDIR, c.id(), "out/dir", SftpAttrs.EMPTY));
        refused(new PathAttrs(FXP_MKDIR, c.id(), "../outside/dir", SftpAttrs.EMPTY));
        refused(new PathAttrs(FXP_SETSTAT, c.id(), "out/secret", new SftpAttrs(ATTR_SIZE, 0, 0, 0, 0, 0, 0, List.of())));
        refused(new PathOp(FXP_RMDIR, c.id(), "/"));
        refused(new PathOp(FXP_RMDIR, c.id(), "out"));
        refused(new PathOp(FXP_REMOVE, c.id(), "/"));
        // the dangling link's target, read inside the root, has a missing parent: nothing created
        assertFalse(Files.exists(outside.resolve("created")));
    }

    @Test
    void renameSymlinkHardlinkTargetsOutsideAreRefused() throws Exception {
        refused(new TwoPaths(FXP_RENAME, c.id(), "inside", "../outside/moved"));
        refused(new TwoPaths(FXP_RENAME, c.id(), "inside", outside.resolve("moved").toString()));
        refused(new TwoPaths(FXP_RENAME, c.id(), "inside", "out/moved"));
        refused(new TwoPaths(FXP_RENAME, c.id(), "out/secret", "stolen"));
        refused(new TwoPaths(FXP_RENAME, c.id(), "/", "x"));
        refused(new Extended(c.id(), EXT_POSIX_RENAME, new WireWriter().utf8("inside").utf8("up/secret").toByteArray()));
        // SYMLINK (OpenSSH order: target, link): absolute or escaping targets are refused
        c.status(new TwoPaths(FXP_SYMLINK, c.id(), "/etc/passwd", "l1"), FX_PERMISSION_DENIED);
        c.status(new TwoPaths(FXP_SYMLINK, c.id(), "../outside/secret", "l2"), FX_PERMISSION_DENIED);
        c.status(new TwoPaths(FXP_SYMLINK, c.id(), "a/../../x", "l3"), FX_PERMISSION_DENIED);
        refused(new TwoPaths(FXP_SYMLINK, c.id(), "inside", "out/l4"));
        c.status(new TwoPaths(FXP_SYMLINK, c.id(), "./inside", "ok"), FX_OK);
        for (String name : List.of("l1", "l2", "l3")) {
            assertFalse(Files.exists(root.resolve(name), LinkOption.NOFOLLOW_LINKS));
        }
        refused(new Extended(c.id(), EXT_HARDLINK, new WireWriter().utf8("out/secret").utf8("hl").toByteArray()));
        refused(new Extended(c.id(), EXT_HARDLINK, new WireWriter().utf8("/etc/passwd").utf8("hl2").toByteArray()));
        refused(new Extended(c.id(), EXT_HARDLINK, new WireWriter().utf8("inside").utf8("up/hl").toByteArray()));
        assertFalse(Files.exists(root.resolve("hl")));
        assertFalse(Files.exists(root.resolve("hl2")));
        assertEquals("inside", Files.readString(root.resolve("inside")));
    }
}
