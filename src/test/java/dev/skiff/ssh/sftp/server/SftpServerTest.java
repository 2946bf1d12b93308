package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.skiff.ssh.sftp.server.SftpRequest.*;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every v3 request type and status path, driven with hand-built packets over pipes. */
class SftpServerTest {
    @TempDir
    Path root;
    SftpTestClient c;

    @BeforeEach
    void start() throws Exception {
        c = new SftpTestClient(new SftpServerConfig(root, false, 4));
        List<String> ext = c.init();
        assertEquals(List.of(EXT_POSIX_RENAME, EXT_STATVFS, EXT_FSTATVFS, EXT_HARDLINK, EXT_FSYNC, EXT_LSETSTAT,
                EXT_LIMITS, EXT_EXPAND_PATH, EXT_COPY_DATA, EXT_HOME_DIRECTORY, EXT_USERS_GROUPS), ext);
    }

    @AfterEach
    void stop() throws Exception {
        assertNull(c.finish(), "session ended cleanly at end of input");
    }

    private byte[] open(String path, int flags) throws Exception {
        return c.handle(new Open(c.id(), path, flags, SftpAttrs.EMPTY));
    }

    private void ok(SftpRequest r) throws Exception {
        c.status(r, FX_OK);
    }

    private SftpAttrs stat(int type, String path) throws Exception {
        WireReader r = c.expect(new PathOp(type, c.id(), path), FXP_ATTRS);
        SftpAttrs a = SftpAttrs.decode(r);
        r.expectEnd();
        return a;
    }

    private List<String> names(WireReader r) throws Exception {
        int n = (int) r.uint32();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(r.utf8() + "\t" + r.utf8());
            SftpAttrs.decode(r);
        }
        r.expectEnd();
        return out;
    }

    @Test
    void openWriteReadCloseAndEof() throws Exception {
        byte[] h = open("f", FXF_WRITE | FXF_CREAT | FXF_TRUNC);
        ok(new Write(c.id(), h, 0, "hello ".getBytes(StandardCharsets.UTF_8)));
        ok(new Write(c.id(), h, 6, "world".getBytes(StandardCharsets.UTF_8)));
        c.status(new Read(c.id(), h, 0, 5), FX_PERMISSION_DENIED);
        ok(new HandleOp(FXP_CLOSE, c.id(), h));
        c.status(new HandleOp(FXP_CLOSE, c.id(), h), FX_FAILURE);
        assertEquals("hello world", Files.readString(root.resolve("f")));

        h = open("/f", FXF_READ);
        WireReader r = c.expect(new Read(c.id(), h, 6, 100), FXP_DATA);
        assertEquals("world", new String(r.string(), StandardCharsets.UTF_8));
        c.status(new Read(c.id(), h, 11, 100), FX_EOF);
        c.status(new Write(c.id(), h, 0, new byte[1]), FX_PERMISSION_DENIED);
        r = c.expect(new HandleOp(FXP_FSTAT, c.id(), h), FXP_ATTRS);
        assertEquals(11, SftpAttrs.decode(r).size());
        ok(new HandleOp(FXP_CLOSE, c.id(), h));
    }

    @Test
    void openFlags() throws Exception {
        c.status(new Open(c.id(), "missing", FXF_READ, SftpAttrs.EMPTY), FX_NO_SUCH_FILE);
        Files.writeString(root.resolve("e"), "abc");
        assertEquals("File exists", c.status(new Open(c.id(), "e", FXF_WRITE | FXF_CREAT | FXF_EXCL, SftpAttrs.EMPTY), FX_FAILURE));
        byte[] h = open("e", FXF_WRITE | FXF_APPEND);
        ok(new Write(c.id(), h, 0, "def".getBytes(StandardCharsets.UTF_8)));
        ok(new HandleOp(FXP_CLOSE, c.id(), h));
        assertEquals("abcdef", Files.readString(root.resolve("e")));
        h = open("e", FXF_WRITE | FXF_TRUNC);
        ok(new HandleOp(FXP_CLOSE, c.id(), h));
        assertEquals(0, Files.size(root.resolve("e")));
        SftpAttrs mode = new SftpAttrs(ATTR_PERMISSIONS, 0, 0, 0, 0600, 0, 0, List.of());
        h = c.handle(new Open(c.id(), "p", FXF_WRITE | FXF_CREAT | FXF_EXCL, mode));
        ok(new HandleOp(FXP_CLOSE, c.id(), h));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("p"))));
    }

    @Test
    void handleLimitAndInvalidHandles() throws Exception {
        Files.writeString(root.resolve("x"), "x");
        List<byte[]> hs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hs.add(open("x", FXF_READ));
        }
        c.status(new Open(c.id(), "x", FXF_READ, SftpAttrs.EMPTY), FX_FAILURE);
        ok(new HandleOp(FXP_CLOSE, c.id(), hs.get(0)));
        ok(new HandleOp(FXP_CLOSE, c.id(), open("x", FXF_READ)));
        c.status(new Read(c.id(), new byte[] {1, 2, 3}, 0, 1), FX_FAILURE);
        c.status(new Read(c.id(), new byte[] {0, 0, 0, 99}, 0, 1), FX_FAILURE);
        c.status(new HandleOp(FXP_READDIR, c.id(), hs.get(1)), FX_FAILURE);
    }

    @Test
    void statLstatSetstatFsetstat() throws Exception {
        Files.writeString(root.resolve("f"), "12345");
        Files.createSymbolicLink(root.resolve("l"), Path.of("f"));
        SftpAttrs a = stat(FXP_STAT, "l");
        assertEquals(5, a.size());
        assertEquals(FileStat.S_IFREG, a.permissions() & FileStat.S_IFMT);
        assertEquals(FileStat.S_IFLNK, stat(FXP_LSTAT, "l").permissions() & FileStat.S_IFMT);
        assertEquals(FileStat.S_IFDIR, stat(FXP_STAT, "/").permissions() & FileStat.S_IFMT);
        c.status(new PathOp(FXP_STAT, c.id(), "nope"), FX_NO_SUCH_FILE);
        ok(new PathAttrs(FXP_SETSTAT, c.id(), "f", new SftpAttrs(ATTR_SIZE | ATTR_PERMISSIONS | ATTR_ACMODTIME,
                2, 0, 0, 0640, 1_000_000, 1_500_000_000L, List.of())));
        a = stat(FXP_STAT, "f");
        assertEquals(2, a.size());
        assertEquals(0640, a.permissions() & 07777);
        assertEquals(1_500_000_000L, a.mtime());
        byte[] h = open("f", FXF_WRITE);
        ok(new HandleAttrs(c.id(), h, new SftpAttrs(ATTR_SIZE, 10, 0, 0, 0, 0, 0, List.of())));
        ok(new HandleOp(FXP_CLOSE, c.id(), h));
        assertEquals(10, Files.size(root.resolve("f")));
    }

    @Test
    void directoriesAndLongNames() throws Exception {
        ok(new PathAttrs(FXP_MKDIR, c.id(), "d", SftpAttrs.EMPTY));
        c.status(new PathAttrs(FXP_MKDIR, c.id(), "d", SftpAttrs.EMPTY), FX_FAILURE);
        for (int i = 0; i < 150; i++) {
            Files.writeString(root.resolve("d/file" + i), "x".repeat(i));
        }
        byte[] h = c.handle(new PathOp(FXP_OPENDIR, c.id(), "d"));
        List<String> all = new ArrayList<>();
        int batches = 0;
        while (true) {
            SftpRequest rd = new HandleOp(FXP_READDIR, c.id(), h);
            c.send(rd);
            WireReader r = c.receive();
            int type = r.byteValue();
            r.uint32();
            if (type == FXP_STATUS) {
                assertEquals(FX_EOF, r.uint32());
                break;
            }
            assertEquals(FXP_NAME, type);
            all.addAll(names(r));
            batches++;
        }
        ok(new HandleOp(FXP_CLOSE, c.id(), h));
        assertEquals(152, all.size());
        assertTrue(batches >= 2);
        assertTrue(all.get(0).startsWith(".\td"), all.get(0));
        assertTrue(all.get(1).startsWith("..\td"), all.get(1));
        String f7 = all.stream().filter(s -> s.startsWith("file7\t")).findFirst().orElseThrow();
        assertTrue(f7.matches("file7\t-rw-r[-w]-r?-- +1 \\S+ +\\S+ +7 [A-Z][a-z]{2} [ 1-3]\\d \\d\\d:\\d\\d file7"), f7);
        c.status(new PathOp(FXP_OPENDIR, c.id(), "d/file1"), FX_NO_SUCH_FILE);
        assertEquals("Directory not empty", c.status(new PathOp(FXP_RMDIR, c.id(), "d"), FX_FAILURE));
        c.status(new PathOp(FXP_REMOVE, c.id(), "d"), FX_FAILURE);
        ok(new PathOp(FXP_REMOVE, c.id(), "d/file1"));
        c.status(new PathOp(FXP_REMOVE, c.id(), "d/file1"), FX_NO_SUCH_FILE);
        ok(new PathAttrs(FXP_MKDIR, c.id(), "d/e", SftpAttrs.EMPTY));
        ok(new PathOp(FXP_RMDIR, c.id(), "d/e"));
        c.status(new PathOp(FXP_RMDIR, c.id(), "d/e"), FX_NO_SUCH_FILE);
    }

    @Test
    void realpathRenameLinks() throws Exception {
        Files.createDirectories(root.resolve("a/b"));
        assertEquals(List.of("/\t/"), names(c.expect(new PathOp(FXP_REALPATH, c.id(), "."), FXP_NAME)));
        assertEquals(List.of("/a\t/a"), names(c.expect(new PathOp(FXP_REALPATH, c.id(), "a/b/.././/"), FXP_NAME)));
        assertEquals(List.of("/a/new\t/a/new"), names(c.expect(new PathOp(FXP_REALPATH, c.id(), "/a/new"), FXP_NAME)));
        c.status(new PathOp(FXP_REALPATH, c.id(), "/x/y"), FX_NO_SUCH_FILE);
        Files.writeString(root.resolve("f"), "f");
        Files.writeString(root.resolve("g"), "g");
        assertEquals("File exists", c.status(new TwoPaths(FXP_RENAME, c.id(), "f", "g"), FX_FAILURE));
        ok(new TwoPaths(FXP_RENAME, c.id(), "f", "a/b/f"));
        assertEquals("f", Files.readString(root.resolve("a/b/f")));
        // OpenSSH order: target first, then the link to create.
        ok(new TwoPaths(FXP_SYMLINK, c.id(), "b/f", "a/lnk"));
        assertEquals("b/f", Files.readSymbolicLink(root.resolve("a/lnk")).toString());
        assertEquals(List.of("b/f\tb/f"), names(c.expect(new PathOp(FXP_READLINK, c.id(), "/a/lnk"), FXP_NAME)));
        assertEquals(List.of("/a/b/f\t/a/b/f"), names(c.expect(new PathOp(FXP_REALPATH, c.id(), "a/lnk"), FXP_NAME)));
        c.status(new PathOp(FXP_READLINK, c.id(), "g"), FX_FAILURE);
        c.status(new TwoPaths(FXP_SYMLINK, c.id(), "x", "g"), FX_FAILURE);
    }

    private WireReader ext(String name, WireWriter payload, int type) throws Exception {
        return c.expect(new Extended(c.id(), name, payload.toByteArray()), type);
    }

    @Test
    void extensions() throws Exception {
        Files.writeString(root.resolve("f"), "0123456789");
        Files.writeString(root.resolve("g"), "g");
        ext(EXT_POSIX_RENAME, new WireWriter().utf8("g").utf8("f"), FXP_STATUS);
        assertEquals("g", Files.readString(root.resolve("f")));
        Files.writeString(root.resolve("f"), "0123456789");
        WireReader r = ext(EXT_STATVFS, new WireWriter().utf8("/"), FXP_EXTENDED_REPLY);
        long bsize = r.uint64();
        assertTrue(bsize >= 512);
        r.skip(9 * 8);
        assertEquals(255, r.uint64());
        r.expectEnd();
        byte[] h = open("f", FXF_READ | FXF_WRITE);
        ext(EXT_FSTATVFS, new WireWriter().string(h), FXP_EXTENDED_REPLY).skip(88);
        assertEquals(FX_OK, ext(EXT_FSYNC, new WireWriter().string(h), FXP_STATUS).uint32());
        byte[] out = open("copy", FXF_WRITE | FXF_CREAT);
        assertEquals(FX_OK, ext(EXT_COPY_DATA, new WireWriter().string(h).uint64(2).uint64(5).string(out).uint64(1), FXP_STATUS).uint32());
        assertEquals(FX_FAILURE, ext(EXT_COPY_DATA, new WireWriter().string(h).uint64(0).uint64(5).string(h).uint64(2), FXP_STATUS).uint32());
        ok(new HandleOp(FXP_CLOSE, c.id(), out));
        ok(new HandleOp(FXP_CLOSE, c.id(), h));
        assertEquals("\0" + "23456", Files.readString(root.resolve("copy")));
        assertEquals(FX_OK, ext(EXT_HARDLINK, new WireWriter().utf8("f").utf8("hl"), FXP_STATUS).uint32());
        assertEquals(Files.readString(root.resolve("f")), Files.readString(root.resolve("hl")));
        Files.createSymbolicLink(root.resolve("sl"), Path.of("f"));
        SftpAttrs times = new SftpAttrs(ATTR_ACMODTIME, 0, 0, 0, 0, 1_000_000_000L, 1_000_000_000L, List.of());
        assertEquals(FX_OK, ext(EXT_LSETSTAT, new WireWriter().raw(lsetstat("sl", times)), FXP_STATUS).uint32());
        assertEquals(1_000_000_000L, stat(FXP_LSTAT, "sl").mtime());
        assertNotEquals(1_000_000_000L, stat(FXP_STAT, "sl").mtime());
        r = ext(EXT_LIMITS, new WireWriter(), FXP_EXTENDED_REPLY);
        assertEquals(MAX_PACKET_LENGTH, r.uint64());
        assertEquals(MAX_READ_LENGTH, r.uint64());
        assertEquals(MAX_READ_LENGTH, r.uint64());
        assertEquals(4, r.uint64());
        r.expectEnd();
        assertEquals(List.of("/f\t/f"), names(ext(EXT_EXPAND_PATH, new WireWriter().utf8("~/f"), FXP_NAME)));
        assertEquals(List.of("/\t/"), names(ext(EXT_HOME_DIRECTORY, new WireWriter().utf8("anyone"), FXP_NAME)));
        long uid = ((Number) Files.getAttribute(root.resolve("f"), "unix:uid")).longValue();
        String owner = Files.getOwner(root.resolve("f")).getName();
        stat(FXP_STAT, "f");
        r = ext(EXT_USERS_GROUPS, new WireWriter().string(new WireWriter().uint32(uid).uint32(0xfffffff0L).toByteArray())
                .string(new byte[0]), FXP_EXTENDED_REPLY);
        WireReader users = new WireReader(r.string());
        assertEquals(owner, users.utf8());
        assertEquals("", users.utf8());
        users.expectEnd();
        assertEquals(0, r.string().length);
        assertEquals(FX_OP_UNSUPPORTED, ext("nope@example.com", new WireWriter(), FXP_STATUS).uint32());
        assertEquals(FX_BAD_MESSAGE, ext(EXT_LIMITS, new WireWriter().uint32(1), FXP_STATUS).uint32());
    }

    private static byte[] lsetstat(String path, SftpAttrs a) {
        WireWriter w = new WireWriter().utf8(path);
        a.encode(w);
        return w.toByteArray();
    }

    @Test
    void unknownTypeIsUnsupportedAndSessionGoesOn() throws Exception {
        c.status(new Unknown(99, c.id()), FX_OP_UNSUPPORTED);
        c.status(new Unknown(FXP_STATUS, c.id()), FX_OP_UNSUPPORTED);
        assertEquals(List.of("/\t/"), names(c.expect(new PathOp(FXP_REALPATH, c.id(), ""), FXP_NAME)));
    }
}
