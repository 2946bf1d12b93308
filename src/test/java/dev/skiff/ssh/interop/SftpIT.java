package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.SftpDirEntry;
import dev.skiff.ssh.sftp.SftpExtensions;
import dev.skiff.ssh.sftp.SftpFile;
import dev.skiff.ssh.sftp.SftpLimits;
import dev.skiff.ssh.sftp.SftpStatus;
import dev.skiff.ssh.sftp.StatVfs;
import dev.skiff.ssh.sftp.UsersGroups;
import dev.skiff.ssh.sftp.packet.SftpMessages;
import dev.skiff.testing.OpenSshServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every SFTP v3 request and every OpenSSH extension the installed sftp-server (OpenSSH 9.2)
 * offers, against the real sshd; error statuses. The server runs on this machine, so the test
 * checks results on the local file system.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SftpIT {
    private static final SshKeyPair KEY = SshKeyGenerator.generate("ssh-ed25519", 0);
    private OpenSshServer sshd;
    private PeerMatrix peer;
    private SshConnection conn;
    private SftpClient sftp;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        sshd = OpenSshServer.builder().authorizedKey(KEY.publicKey().toOpenSshString()).start();
        peer = new PeerMatrix(sshd.host(), sshd.port(), sshd.knownHostsText(), Files.createTempDirectory("skiff-it"), false);
        conn = peer.connect(PeerMatrix.base().build());
        conn.authenticatePublicKey(sshd.user(), KEY);
        sftp = conn.sftp();
    }

    @BeforeEach
    void freshDir() throws Exception {
        dir = Files.createTempDirectory("skiff-sftp-it").toRealPath();
    }

    @AfterAll
    void stop() {
        if (sftp != null) {
            sftp.close();
        }
        if (conn != null) {
            conn.close();
        }
        sshd.close();
    }

    private String r(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void versionAndExtensions() {
        assertEquals(3, sftp.version());
        for (String e : List.of(SftpExtensions.POSIX_RENAME, SftpExtensions.STATVFS, SftpExtensions.FSTATVFS,
                SftpExtensions.HARDLINK, SftpExtensions.FSYNC, SftpExtensions.LSETSTAT, SftpExtensions.LIMITS,
                SftpExtensions.EXPAND_PATH, SftpExtensions.COPY_DATA)) {
            assertTrue(sftp.supports(e), e + " missing from " + sftp.extensions());
        }
    }

    @Test
    void openWriteReadCloseStat() throws Exception {
        byte[] data = "hello, sftp\n".getBytes(StandardCharsets.UTF_8);
        try (SftpFile f = sftp.open(r("a.txt"), SftpMessages.FXF_WRITE | SftpMessages.FXF_CREAT | SftpMessages.FXF_EXCL,
                SftpAttributes.ofPermissions(0640))) {
            f.write(0, data, 0, data.length);
            assertEquals(data.length, f.fstat().size());
            f.fsync();
            assertTrue(f.fstatvfs().blockSize() > 0);
        }
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("a.txt")));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.txt"))));
        SftpException excl = assertThrows(SftpException.class, () -> sftp.open(r("a.txt"),
                SftpMessages.FXF_WRITE | SftpMessages.FXF_CREAT | SftpMessages.FXF_EXCL, SftpAttributes.EMPTY));
        assertEquals(SftpStatus.FAILURE, excl.status());
        try (SftpFile f = sftp.openRead(r("a.txt"))) {
            byte[] buf = new byte[100];
            int n = f.read(0, buf, 0, 100);
            assertEquals(data.length, n);
            assertEquals(-1, f.read(n, buf, 0, 100));
            assertEquals(5, f.read(7, buf, 0, 5));
            assertEquals("sftp\n", new String(buf, 0, 5, StandardCharsets.UTF_8));
        }
        SftpAttributes a = sftp.stat(r("a.txt"));
        assertTrue(a.isRegularFile());
        assertEquals(data.length, a.size());
        assertEquals(0, a.uid());
    }

    @Test
    void setstatFsetstatLsetstat() throws Exception {
        Files.writeString(dir.resolve("f"), "x");
        sftp.setstat(r("f"), SftpAttributes.ofPermissions(0600).withTimes(1_000_000_000L, 1_100_000_000L));
        SftpAttributes a = sftp.stat(r("f"));
        assertEquals(0600, a.permissions() & 07777);
        assertEquals(1_100_000_000L, a.mtime());
        assertEquals(1_000_000_000L, a.atime());
        try (SftpFile f = sftp.openWrite(r("f"), false)) {
            f.fsetstat(SftpAttributes.ofSize(0));
        }
        assertEquals(0, Files.size(dir.resolve("f")));
        Files.createSymbolicLink(dir.resolve("l"), dir.resolve("f"));
        sftp.lsetstat(r("l"), SftpAttributes.EMPTY.withTimes(1_200_000_000L, 1_200_000_000L));
        assertEquals(1_200_000_000L, sftp.lstat(r("l")).mtime());
        assertFalse(sftp.stat(r("l")).mtime() == 1_200_000_000L); // the target kept its own time
    }

    @Test
    void directoriesAndListing() throws Exception {
        sftp.mkdir(r("d"), SftpAttributes.ofPermissions(0750));
        assertTrue(sftp.stat(r("d")).isDirectory());
        for (int i = 0; i < 300; i++) { // several READDIR batches (OpenSSH sends up to 100 per reply)
            Files.writeString(dir.resolve("d/f" + i), "" + i);
        }
        List<SftpDirEntry> l = sftp.list(r("d"));
        assertEquals(300, l.size());
        assertTrue(l.stream().allMatch(e -> e.attrs().isRegularFile()));
        SftpException notEmpty = assertThrows(SftpException.class, () -> sftp.rmdir(r("d")));
        assertEquals(SftpStatus.FAILURE, notEmpty.status()); // v3 has no "directory not empty" code
        for (SftpDirEntry e : l) {
            sftp.remove(r("d/" + e.name()));
        }
        sftp.rmdir(r("d"));
        assertFalse(Files.exists(dir.resolve("d")));
        SftpException exists = assertThrows(SftpException.class, () -> sftp.mkdir(r("")));
        assertEquals(SftpStatus.FAILURE, exists.status());
    }

    @Test
    void renameLinksRealpath() throws Exception {
        Files.writeString(dir.resolve("a"), "A");
        Files.writeString(dir.resolve("b"), "B");
        SftpException e = assertThrows(SftpException.class, () -> sftp.rename(r("a"), r("b")));
        assertEquals(SftpStatus.FAILURE, e.status()); // plain RENAME never replaces on OpenSSH
        sftp.posixRename(r("a"), r("b"));
        assertEquals("A", Files.readString(dir.resolve("b")));
        sftp.rename(r("b"), r("c"));
        assertEquals("A", Files.readString(dir.resolve("c")));
        sftp.symlink(r("link"), "c");
        assertEquals("c", Files.readSymbolicLink(dir.resolve("link")).toString());
        assertEquals("c", sftp.readlink(r("link")));
        assertTrue(sftp.lstat(r("link")).isSymbolicLink());
        assertTrue(sftp.stat(r("link")).isRegularFile());
        sftp.hardlink(r("c"), r("hard"));
        assertEquals(Files.getAttribute(dir.resolve("c"), "unix:ino"), Files.getAttribute(dir.resolve("hard"), "unix:ino"));
        Files.createDirectory(dir.resolve("x"));
        assertEquals(dir.toString(), sftp.realpath(dir + "/./x/.."));
        assertEquals(System.getProperty("user.home"), sftp.realpath("."));
    }

    @Test
    void statvfsLimitsExpandPathHomeCopyDataUsers() throws Exception {
        StatVfs s = sftp.statvfs(dir.toString());
        assertTrue(s.blocks() > 0 && s.nameMax() >= 255, s.toString());
        SftpLimits l = sftp.limits();
        assertEquals(256 * 1024, l.maxPacketLength());
        assertEquals(255 * 1024, l.readChunk());
        String home = System.getProperty("user.home");
        assertEquals(home, sftp.expandPath("~"));
        assertEquals(home + "/x", sftp.expandPath("~/x"));
        if (sftp.supports(SftpExtensions.HOME_DIRECTORY)) {
            assertEquals(home, sftp.homeDirectory(sshd.user())); // 9.2 answers FAILURE for "" (its own user)
        }
        if (sftp.supports(SftpExtensions.USERS_GROUPS_BY_ID)) {
            UsersGroups ug = sftp.usersGroupsById(new long[] {0}, new long[] {0});
            assertEquals(List.of("root"), ug.userNames());
            assertEquals(List.of("root"), ug.groupNames());
        }
        byte[] data = new byte[100_000];
        new java.util.Random(1).nextBytes(data);
        Files.write(dir.resolve("src"), data);
        try (SftpFile from = sftp.openRead(r("src")); SftpFile to = sftp.openWrite(r("dst"), true)) {
            from.copyTo(10, 0, to, 0);
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 10, data.length), Files.readAllBytes(dir.resolve("dst")));
    }

    @Test
    void errorStatuses() throws Exception {
        SftpException missing = assertThrows(SftpException.class, () -> sftp.stat(r("nope/x")));
        assertEquals(SftpStatus.NO_SUCH_FILE, missing.status());
        assertEquals("No such file: " + r("nope/x"), missing.getMessage());
        assertNull(sftp.statOrNull(r("nope")));
        assertEquals(SftpStatus.NO_SUCH_FILE, assertThrows(SftpException.class, () -> sftp.openRead(r("nope"))).status());
        assertEquals(SftpStatus.NO_SUCH_FILE, assertThrows(SftpException.class, () -> sftp.remove(r("nope"))).status());
        // The tests run as root, which passes every mode check; the kernel still refuses to open
        // /sys/kernel/notes (mode 0400, no write method) for writing with EACCES.
        SftpException denied = assertThrows(SftpException.class, () -> sftp.openWrite("/sys/kernel/notes", false));
        assertEquals(SftpStatus.PERMISSION_DENIED, denied.status(), denied.getMessage());
        assertTrue(denied.getMessage().endsWith(": /sys/kernel/notes"));
    }

    @Test
    void streams() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(2).nextBytes(data);
        try (OutputStream out = sftp.openOutputStream(r("s"), false)) {
            for (int off = 0; off < data.length; off += 1000) {
                out.write(data, off, Math.min(1000, data.length - off));
            }
        }
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("s")));
        try (OutputStream out = sftp.openOutputStream(r("s"), true)) {
            out.write(new byte[] {1, 2, 3});
        }
        assertEquals(data.length + 3, Files.size(dir.resolve("s")));
        try (InputStream in = sftp.openInputStream(r("s"), 5)) {
            byte[] back = in.readAllBytes();
            assertEquals(data.length - 2, back.length);
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 5, data.length), java.util.Arrays.copyOf(back, data.length - 5));
        }
        assertTrue(sftp.session().isOpen());
        List<String> names = sftp.list(dir.toString()).stream().map(SftpDirEntry::name).collect(Collectors.toList());
        assertEquals(List.of("s"), names);
    }
}
