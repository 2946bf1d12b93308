package dev.skiff.ssh.sftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.sftp.server.SftpServer;
import dev.skiff.ssh.sftp.server.SftpServerConfig;
import dev.skiff.ssh.sftp.transfer.SftpTransfers;
import dev.skiff.ssh.sftp.transfer.TransferOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skiff's SFTP client against Skiff's SFTP server subsystem, in memory over pipes: the client matrix. */
class SftpClientServerTest {
    @TempDir
    Path root;
    @TempDir
    Path local;
    private SftpClient sftp;
    private Thread serverThread;

    @BeforeEach
    void start() throws Exception {
        Pipe c2s = Pipe.open();
        Pipe s2c = Pipe.open();
        SftpServer server = new SftpServer(SftpServerConfig.of(root));
        InputStream serverIn = Channels.newInputStream(c2s.source());
        OutputStream serverOut = Channels.newOutputStream(s2c.sink());
        serverThread = new Thread(() -> {
            try {
                server.serve(serverIn, serverOut);
            } catch (Exception ignored) {
                // session over
            } finally {
                try {
                    serverOut.close();
                } catch (Exception ignored) {
                    // closing
                }
            }
        }, "sftp-server-test");
        serverThread.setDaemon(true);
        serverThread.start();
        OutputStream clientOut = Channels.newOutputStream(c2s.sink());
        sftp = SftpClient.over(Channels.newInputStream(s2c.source()), clientOut, clientOut, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() throws Exception {
        sftp.close();
        serverThread.join(5000);
        assertFalse(serverThread.isAlive());
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void boundarySizesBothWays() throws Exception {
        for (int n : new int[] {0, 1, 32 * 1024 - 1, 32 * 1024, 32 * 1024 + 1, 255 * 1024 - 1, 255 * 1024 + 1, 8 * 1024 * 1024}) {
            byte[] data = random(n);
            Path src = local.resolve("src-" + n);
            Files.write(src, data);
            SftpTransfers.upload(sftp, src, "/up-" + n, TransferOptions.defaults());
            assertArrayEquals(data, Files.readAllBytes(root.resolve("up-" + n)), "upload of " + n);
            Path back = local.resolve("back-" + n);
            SftpTransfers.download(sftp, "/up-" + n, back, TransferOptions.defaults());
            assertArrayEquals(data, Files.readAllBytes(back), "download of " + n);
        }
    }

    @Test
    void requestSizeAndCountKnobs() throws Exception {
        byte[] data = random(50_000);
        Path src = local.resolve("knobs");
        Files.write(src, data);
        for (int[] br : new int[][] {{5, 2}, {1000, 2}, {32000, 8}, {0, 0}}) {
            TransferOptions o = TransferOptions.defaults().withRequestSize(br[0]).withMaxRequests(br[1]);
            assertEquals(br[0] == 0 ? 1000 : Math.min(1000, br[0]), o.chunk(1000));
            SftpTransfers.upload(sftp, src, "/k-" + br[0], o);
            assertArrayEquals(data, Files.readAllBytes(root.resolve("k-" + br[0])));
            Path back = local.resolve("k-back-" + br[0]);
            SftpTransfers.download(sftp, "/k-" + br[0], back, o);
            assertArrayEquals(data, Files.readAllBytes(back));
        }
        assertThrows(IllegalArgumentException.class, () -> TransferOptions.defaults().withMaxRequests(1));
    }

    @Test
    void everyOperation() throws Exception {
        assertEquals("/", sftp.realpath("."));
        sftp.mkdir("/d");
        try (OutputStream out = sftp.openOutputStream("/d/f", false)) {
            out.write("hello".getBytes());
        }
        assertEquals(5, sftp.stat("/d/f").size());
        sftp.setstat("/d/f", SftpAttributes.ofPermissions(0600));
        assertEquals(0600, sftp.stat("/d/f").permissions() & 0777);
        sftp.symlink("/d/link", "f");
        assertEquals("f", sftp.readlink("/d/link"));
        assertTrue(sftp.lstat("/d/link").isSymbolicLink());
        sftp.hardlink("/d/f", "/d/hard");
        sftp.rename("/d/hard", "/d/renamed");
        sftp.posixRename("/d/renamed", "/d/f2");
        List<String> names = sftp.list("/d").stream().map(SftpDirEntry::name).filter(n -> !n.startsWith(".")).sorted().toList();
        assertEquals(List.of("f", "f2", "link"), names);
        try (InputStream in = sftp.openInputStream("/d/f", 1)) {
            assertEquals("ello", new String(in.readAllBytes()));
        }
        assertTrue(sftp.statvfs("/").blocks() > 0);
        assertTrue(sftp.limits().maxReadLength() > 0);
        SftpException e = assertThrows(SftpException.class, () -> sftp.rmdir("/d"));
        assertTrue(e.getMessage().contains("/d"), e.getMessage());
        for (String n : List.of("/d/f", "/d/f2", "/d/link")) {
            sftp.remove(n);
        }
        sftp.rmdir("/d");
        assertThrows(SftpException.class, () -> sftp.stat("/d"));
    }

    @Test
    void treeTransferAndResume() throws Exception {
        Path tree = Files.createDirectories(local.resolve("tree/a/b"));
        Files.write(tree.resolve("x.bin"), random(100_000));
        Files.writeString(local.resolve("tree/top.txt"), "top");
        SftpTransfers.upload(sftp, local.resolve("tree"), "/tree", TransferOptions.defaults().withRecursive(true));
        assertArrayEquals(random(100_000), Files.readAllBytes(root.resolve("tree/a/b/x.bin")));
        // resume: the remote copy was cut short
        byte[] big = random(3_000_000);
        Files.write(local.resolve("big"), big);
        Files.write(root.resolve("big"), java.util.Arrays.copyOf(big, 1_000_000));
        SftpTransfers.upload(sftp, local.resolve("big"), "/big", TransferOptions.defaults().withResume(true));
        assertArrayEquals(big, Files.readAllBytes(root.resolve("big")));
    }

    @Test
    void pathsCannotEscapeTheRoot() {
        assertThrows(SftpException.class, () -> sftp.stat("/../../etc/passwd"));
        assertThrows(SftpException.class, () -> sftp.stat("/etc/passwd"));
    }
}
