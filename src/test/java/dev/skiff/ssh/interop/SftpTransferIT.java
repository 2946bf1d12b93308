package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.keys.PrivateKeyFiles;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.SftpLowMemoryMain;
import dev.skiff.ssh.sftp.transfer.Cancellation;
import dev.skiff.ssh.sftp.transfer.RemoteChecksum;
import dev.skiff.ssh.sftp.transfer.SftpTransfers;
import dev.skiff.ssh.sftp.transfer.SymlinkPolicy;
import dev.skiff.ssh.sftp.transfer.TransferCancelledException;
import dev.skiff.ssh.sftp.transfer.TransferOptions;
import dev.skiff.ssh.sftp.transfer.TransferProgress;
import dev.skiff.ssh.sftp.transfer.TransferResult;
import dev.skiff.testing.OpenSshServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Pipelined transfers against OpenSSH's sftp-server: boundary sizes with identical SHA-256,
 * trees with links, resume, atomic upload with cancellation, a killed sftp-server mid-download
 * then reget, and a low-heap JVM moving a large file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SftpTransferIT {
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
        dir = Files.createTempDirectory("skiff-sftp-xfer").toRealPath();
    }

    @AfterAll
    void stop() {
        sftp.close();
        conn.close();
        sshd.close();
    }

    private static Path random(Path p, long size, long seed) throws IOException {
        Random rnd = new Random(seed);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(p)) {
            for (long left = size; left > 0; left -= buf.length) {
                rnd.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(buf.length, left));
            }
        }
        return p;
    }

    private static String sha(Path p) throws IOException {
        return RemoteChecksum.localSha256(p);
    }

    @Test
    void boundarySizesUpAndDown() throws Exception {
        long[] sizes = {0, 1, 32 * 1024 - 1, 32 * 1024, 32 * 1024 + 1, 255 * 1024 - 1, 255 * 1024, 255 * 1024 + 1, 64L << 20};
        for (long size : sizes) {
            Path src = random(dir.resolve("src-" + size), size, size);
            String remote = dir.resolve("remote-" + size).toString();
            boolean big = size > (1 << 20);
            TransferOptions o = TransferOptions.defaults().withVerify(big);
            TransferResult up = SftpTransfers.upload(sftp, src, remote, o);
            assertEquals(size, up.bytes());
            assertEquals(big ? 1 : 0, up.verified());
            assertEquals(sha(src), sha(Path.of(remote)), "upload of " + size);
            Path back = dir.resolve("back-" + size);
            TransferResult down = SftpTransfers.download(sftp, remote, back, o);
            assertEquals(size, down.bytes());
            assertEquals(sha(src), sha(back), "download of " + size);
            if (big) {
                System.out.printf("SftpTransferIT 64 MiB: upload %.1f MB/s, download %.1f MB/s%n",
                        up.bytesPerSecond() / 1e6, down.bytesPerSecond() / 1e6);
            }
        }
    }

    private static List<String> listing(Path root) throws IOException {
        List<String> l = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted().forEach(p -> {
                try {
                    String rel = root.relativize(p).toString();
                    if (Files.isSymbolicLink(p)) {
                        l.add(rel + " -> " + Files.readSymbolicLink(p));
                    } else if (Files.isRegularFile(p)) {
                        l.add(rel + " " + sha(p));
                    } else {
                        l.add(rel + "/");
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
        }
        return l;
    }

    @Test
    void trees() throws Exception {
        Path src = dir.resolve("tree");
        Files.createDirectories(src.resolve("a/b/c"));
        Files.createDirectories(src.resolve("empty"));
        random(src.resolve("top.bin"), 300_000, 1);
        random(src.resolve("a/one"), 1, 2);
        random(src.resolve("a/b/two"), 70_000, 3);
        random(src.resolve("a/b/c/zero"), 0, 4);
        Files.createSymbolicLink(src.resolve("link-file"), Path.of("top.bin"));
        Files.createSymbolicLink(src.resolve("link-dir"), Path.of("a/b"));
        Files.setLastModifiedTime(src.resolve("a/one"), java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        String remote = dir.resolve("up").toString();
        TransferOptions copyLinks = TransferOptions.defaults().withRecursive(true).withPreserve(true)
                .withSymlinks(SymlinkPolicy.COPY_LINK);
        TransferResult r = SftpTransfers.upload(sftp, src, remote, copyLinks);
        assertEquals(4, r.files());
        assertEquals(2, r.links());
        assertEquals(listing(src), listing(Path.of(remote)));
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(Path.of(remote, "a/one")).toMillis());

        Path down = dir.resolve("down");
        SftpTransfers.download(sftp, remote, down, copyLinks);
        assertEquals(listing(src), listing(down));
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(down.resolve("a/one")).toMillis());

        Path followed = dir.resolve("followed");
        SftpTransfers.download(sftp, remote, followed, copyLinks.withSymlinks(SymlinkPolicy.FOLLOW));
        assertEquals(sha(src.resolve("top.bin")), sha(followed.resolve("link-file")));
        assertFalse(Files.isSymbolicLink(followed.resolve("link-dir")));
        assertEquals(sha(src.resolve("a/b/two")), sha(followed.resolve("link-dir/two")));

        Path skipped = dir.resolve("skipped");
        SftpTransfers.download(sftp, remote, skipped, copyLinks.withSymlinks(SymlinkPolicy.SKIP));
        assertFalse(Files.exists(skipped.resolve("link-file"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isDirectory(skipped.resolve("empty")));

        SftpException notRecursive = assertThrows(SftpException.class,
                () -> SftpTransfers.download(sftp, remote, dir.resolve("x"), TransferOptions.defaults()));
        assertTrue(notRecursive.getMessage().contains("is a directory"));
    }

    private static void truncate(Path p, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    @Test
    void resume() throws Exception {
        Path src = random(dir.resolve("src"), 10_000_000, 9);
        Path remote = dir.resolve("remote");
        Files.copy(src, remote);
        truncate(remote, 3_000_005);
        TransferResult up = SftpTransfers.upload(sftp, src, remote.toString(), TransferOptions.defaults().withResume(true));
        assertEquals(10_000_000 - 3_000_005, up.bytes());
        assertEquals(sha(src), sha(remote));

        Path local = dir.resolve("local");
        Files.copy(src, local);
        truncate(local, 777);
        TransferResult down = SftpTransfers.download(sftp, remote.toString(), local, TransferOptions.defaults().withResume(true));
        assertEquals(10_000_000 - 777, down.bytes());
        assertEquals(sha(src), sha(local));

        Files.write(local, new byte[1], StandardOpenOption.APPEND); // now larger than the remote
        SftpException e = assertThrows(SftpException.class,
                () -> SftpTransfers.download(sftp, remote.toString(), local, TransferOptions.defaults().withResume(true)));
        assertTrue(e.getMessage().contains("larger"), e.getMessage());
    }

    @Test
    void atomicUploadCancelledThenResumed() throws Exception {
        Path src = random(dir.resolve("src"), 32 << 20, 5);
        String remote = dir.resolve("final").toString();
        Cancellation cancel = new Cancellation();
        Path part = dir.resolve(".final.skiff-part");
        // Cancel once the server has 4 MiB of the temporary file: watching the file is deterministic
        // even when the whole upload takes less than one progress interval.
        Thread watcher = new Thread(() -> {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                try {
                    if (Files.exists(part) && Files.size(part) > (4 << 20)) {
                        cancel.cancel();
                        return;
                    }
                } catch (java.io.IOException ignored) {
                    // the file is being renamed or created: look again
                }
                Thread.onSpinWait();
            }
        }, "cancel-watcher");
        watcher.setDaemon(true);
        watcher.start();
        TransferOptions o = TransferOptions.defaults().withAtomic(true).withCancellation(cancel);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThrows(TransferCancelledException.class, () -> SftpTransfers.upload(sftp, src, remote, o));
        });
        assertFalse(Files.exists(Path.of(remote)), "no partial file under the final name");
        assertTrue(Files.size(part) > 0 && Files.size(part) < (32 << 20));

        List<TransferProgress> later = new ArrayList<>();
        TransferResult r = SftpTransfers.upload(sftp, src, remote, TransferOptions.defaults().withAtomic(true)
                .withResume(true).withProgress(later::add));
        assertTrue(r.bytes() < (32 << 20));
        assertEquals(sha(src), sha(Path.of(remote)));
        assertFalse(Files.exists(part));
        TransferProgress last = later.get(later.size() - 1);
        assertTrue(last.done());
        assertEquals(32 << 20, last.fileBytes());
        assertEquals(Duration.ZERO, last.eta());
    }

    @Test
    void killedServerThenReget() throws Exception {
        Path src = random(dir.resolve("src"), 64 << 20, 6);
        Path local = dir.resolve("local");
        try (SshConnection own = peer.connect(PeerMatrix.base().build())) {
            own.authenticatePublicKey(sshd.user(), KEY);
            SftpClient victim = own.sftp();
            CountDownLatch started = new CountDownLatch(1);
            TransferOptions o = TransferOptions.defaults().withProgress(p -> {
                if (p.fileBytes() > (2 << 20)) {
                    started.countDown();
                    try {
                        Thread.sleep(100); // slow the download so the kill lands mid-transfer
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            CompletableFuture<TransferResult> f = SftpTransfers.downloadAsync(victim, src.toString(), local, o,
                    r -> new Thread(r, "download").start());
            assertTrue(started.await(30, TimeUnit.SECONDS));
            // Only this connection's sftp-server: the exec'd shell's parent is the per-connection sshd process.
            try (SessionChannel kill = own.exec("pkill -x -P $PPID sftp-server")) {
                kill.waitFor(Duration.ofSeconds(10));
            }
            Exception e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(Exception.class, () -> f.get()));
            assertTrue(e.getCause() instanceof SftpException, String.valueOf(e.getCause()));
            System.out.println("SftpTransferIT killed server: " + e.getCause().getMessage());
            assertFalse(victim.session().isOpen());
            victim.close();
        }
        long partial = Files.size(local);
        assertTrue(partial < (64 << 20), "the kill came too late: " + partial);
        TransferResult r = SftpTransfers.download(sftp, src.toString(), local, TransferOptions.defaults().withResume(true));
        assertEquals((64 << 20) - partial, r.bytes());
        assertEquals(sha(src), sha(local));
    }

    @Test
    void lowHeapJvmMovesALargeFile() throws Exception {
        long size = Long.getLong("skiff.sftp.lowmem.bytes", 512L << 20);
        Path src = random(dir.resolve("big"), size, 7);
        Path keyFile = dir.resolve("id");
        PrivateKeyFiles.writePrivate(keyFile, KEY, null);
        Path known = dir.resolve("known_hosts");
        Files.writeString(known, sshd.knownHostsText());
        Path back = dir.resolve("big.back");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), SftpLowMemoryMain.class.getName(), sshd.host(),
                "" + sshd.port(), known.toString(), keyFile.toString(), sshd.user(), src.toString(),
                dir.resolve("big.remote").toString(), back.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        System.out.println("SftpTransferIT low heap (" + (size >> 20) + " MiB, -Xmx64m): " + out.strip());
        assertEquals(0, p.exitValue(), out);
        assertEquals(sha(src), sha(dir.resolve("big.remote")));
        assertEquals(sha(src), sha(back));
    }
}
