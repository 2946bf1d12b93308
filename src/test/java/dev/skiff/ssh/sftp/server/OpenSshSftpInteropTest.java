package dev.skiff.ssh.sftp.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.testing.Peers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenSSH {@code sftp} client driving {@link SftpServerMain} over pipes
 * ({@code sftp -D}), with batch files in the spirit of OpenSSH's regress {@code sftp-cmds.sh}.
 * {@code sftp -b} stops at the first failing command unless it is prefixed with '-'.
 */
class OpenSshSftpInteropTest {
    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    Path tmp;
    Path root;
    Path local;
    Path sftp;

    record Result(int exit, String out) {
    }

    @BeforeEach
    void setUp() throws IOException {
        sftp = Peers.requirePeer("/usr/bin/sftp");
        root = Files.createDirectory(tmp.resolve("root"));
        local = Files.createDirectory(tmp.resolve("local"));
    }

    private Result run(String... commands) throws Exception {
        Path batch = tmp.resolve("batch");
        Files.write(batch, List.of(commands), StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String server = java + " -Xshare:auto -XX:TieredStopAtLevel=1 -cp " + System.getProperty("java.class.path")
                + " " + SftpServerMain.class.getName() + " " + root;
        ProcessBuilder pb = new ProcessBuilder(sftp.toString(), "-D", server, "-b", batch.toString())
                .directory(local.toFile()).redirectErrorStream(true);
        Path log = tmp.resolve("sftp.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("sftp did not finish in " + TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] sha256(Path p) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
    }

    @Test
    void putAndGetFilesOfEdgeSizes() throws Exception {
        int[] sizes = {0, 1, 32 * 1024 - 1, 32 * 1024, 32 * 1024 + 1, 1024 * 1024};
        StringBuilder puts = new StringBuilder();
        Files.createDirectory(local.resolve("dl"));
        String[] cmds = new String[sizes.length * 2];
        for (int i = 0; i < sizes.length; i++) {
            Files.write(local.resolve("f" + sizes[i]), random(sizes[i], i));
            cmds[i] = "put f" + sizes[i];
            cmds[sizes.length + i] = "get f" + sizes[i] + " dl/f" + sizes[i];
        }
        Result r = run(cmds);
        assertEquals(0, r.exit(), r.out());
        for (int s : sizes) {
            assertArrayEquals(sha256(local.resolve("f" + s)), sha256(root.resolve("f" + s)), "uploaded f" + s);
            assertArrayEquals(sha256(local.resolve("f" + s)), sha256(local.resolve("dl/f" + s)), "downloaded f" + s);
        }
    }

    @Test
    void directoryAndLinkCommands() throws Exception {
        Files.write(root.resolve("a.txt"), "hello\n".getBytes(StandardCharsets.UTF_8));
        Files.createDirectory(root.resolve("gone"));
        Files.write(root.resolve("junk"), new byte[3]);
        Result r = run("mkdir d1", "mkdir d1/sub", "rmdir gone", "rm junk", "rename a.txt b.txt", "ln -s b.txt lnk", "ln b.txt hard", "cp b.txt copy",
                "chmod 600 b.txt", "ls -l", "ls -l d1", "df", "df -h", "cd d1", "pwd", "cd ..", "-rename b.txt d1",
                "-rmdir d1", "-rm nosuchfile", "-ln -s ../../etc/passwd escape");
        assertEquals(0, r.exit(), r.out());
        assertTrue(Files.isDirectory(root.resolve("d1/sub")));
        assertFalse(Files.exists(root.resolve("gone")));
        assertFalse(Files.exists(root.resolve("junk")));
        assertTrue(Files.exists(root.resolve("b.txt")));
        assertEquals("b.txt", Files.readSymbolicLink(root.resolve("lnk")).toString());
        assertTrue(Files.isSameFile(root.resolve("b.txt"), root.resolve("hard")), "hardlink@openssh.com");
        assertEquals("hello\n", Files.readString(root.resolve("copy")), "copy-data");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("b.txt"))));
        assertFalse(Files.exists(root.resolve("escape"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(r.out().matches("(?s).*-rw------- +\\S+ +\\S+ +\\S+ +6 .* b\\.txt.*"), r.out());
        assertTrue(r.out().matches("(?s).*drwx.*d1\\b.*"), r.out());
        assertTrue(r.out().contains("Remote working directory: /d1"), r.out());
        assertTrue(r.out().contains("Avail"), r.out());
    }

    @Test
    void resumeUploadAndDownload() throws Exception {
        byte[] data = random(300_000, 7);
        Files.write(local.resolve("big"), data);
        Files.write(root.resolve("big"), java.util.Arrays.copyOf(data, 100_000));
        Files.write(root.resolve("big2"), data);
        Files.write(local.resolve("big2"), java.util.Arrays.copyOf(data, 123_457));
        Result r = run("reput big", "reget big2");
        assertEquals(0, r.exit(), r.out());
        assertArrayEquals(data, Files.readAllBytes(root.resolve("big")));
        assertArrayEquals(data, Files.readAllBytes(local.resolve("big2")));
    }

    @Test
    void recursivePutAndGet() throws Exception {
        Path tree = Files.createDirectories(local.resolve("tree/a/b"));
        Files.write(local.resolve("tree/top"), random(5000, 1));
        Files.write(tree.resolve("leaf"), random(70_000, 2));
        Files.createDirectories(local.resolve("tree/empty"));
        Files.createDirectory(local.resolve("back"));
        Result r = run("put -r tree", "get -r tree back/tree");
        assertEquals(0, r.exit(), r.out());
        assertArrayEquals(sha256(local.resolve("tree/top")), sha256(root.resolve("tree/top")));
        assertArrayEquals(sha256(tree.resolve("leaf")), sha256(root.resolve("tree/a/b/leaf")));
        assertTrue(Files.isDirectory(root.resolve("tree/empty")));
        assertArrayEquals(sha256(tree.resolve("leaf")), sha256(local.resolve("back/tree/a/b/leaf")));
        assertArrayEquals(sha256(local.resolve("tree/top")), sha256(local.resolve("back/tree/top")));
    }

    @Test
    void escapeAttemptsFail() throws Exception {
        Files.createSymbolicLink(root.resolve("etc"), Path.of("/etc"));
        Result r = run("get ../../etc/passwd");
        assertNotEquals(0, r.exit(), r.out());
        assertFalse(Files.exists(local.resolve("passwd")));
        r = run("-get /etc/passwd", "-get etc/passwd", "-get ../../../../etc/hostname", "-put /etc/hostname ../../x",
                "-cd ../..", "pwd");
        assertEquals(0, r.exit(), r.out());
        assertFalse(Files.exists(local.resolve("passwd")));
        assertFalse(Files.exists(local.resolve("hostname")));
        assertTrue(r.out().contains("Remote working directory: /"), r.out());
    }

    @Test
    void readOnlyModeRefusesWrites() throws Exception {
        Files.write(local.resolve("x"), random(10, 3));
        Path batch = tmp.resolve("batch");
        Files.write(batch, List.of("put x"), StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String server = java + " -XX:TieredStopAtLevel=1 -cp " + System.getProperty("java.class.path") + " "
                + SftpServerMain.class.getName() + " -R " + root;
        Process p = new ProcessBuilder(sftp.toString(), "-D", server, "-b", batch.toString())
                .directory(local.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("ro.log").toFile()).start();
        assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue());
        assertFalse(Files.exists(root.resolve("x")));
        assertTrue(Files.readString(tmp.resolve("ro.log")).contains("Permission denied"), Files.readString(tmp.resolve("ro.log")));
    }
}
