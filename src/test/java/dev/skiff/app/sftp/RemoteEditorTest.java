package dev.skiff.app.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.testing.AppTestServer;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edit-in-local-editor against a real server: saves are uploaded; a remote change is asked about first. */
class RemoteEditorTest {
    @TempDir
    Path root;

    private static void waitFor(BooleanSupplier b) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!b.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(20);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void savesAreUploadedAtomicallyAndRemoteChangesAreAskedAbout() throws Exception {
        Path remoteFile = root.resolve("notes.txt");
        Files.writeString(remoteFile, "v1");
        ExecutorService workers = Executors.newCachedThreadPool();
        ExecutorService fx = Executors.newSingleThreadExecutor();
        List<Path> opened = new CopyOnWriteArrayList<>();
        List<String> asked = new CopyOnWriteArrayList<>();
        List<String> notices = new CopyOnWriteArrayList<>();
        AtomicBoolean allow = new AtomicBoolean(false);
        try (AppTestServer server = new AppTestServer(root);
                SshConnection c = SshClient.connect(new ConnectSpec(server.host(), server.host(), server.port(), "alice"),
                        SshClientConfig.defaults(HostKeyVerifier.ACCEPT_ALL));
                RemoteFileBrowser remote = new RemoteFileBrowser(c)) {
            c.authenticatePassword("alice", AppTestServer.PASSWORD.toCharArray());
            TransferSettings atomic = TransferSettings.defaults().withAtomicUploads(true).withPreserve(false);
            try (RemoteEditor editor = new RemoteEditor(remote, new SftpTransferer(c, () -> atomic), workers, fx, opened::add,
                    (path, why) -> {
                        asked.add(path);
                        return CompletableFuture.completedFuture(allow.get());
                    }, notices::add)) {
                Path local = editor.edit(remote.stat("/notes.txt")).get(30, TimeUnit.SECONDS);
                assertEquals(List.of(local), opened);
                assertEquals("v1", Files.readString(local));

                Files.writeString(local, "v2 saved by the editor");
                waitFor(() -> read(remoteFile).equals("v2 saved by the editor"));
                waitFor(() -> notices.contains("Uploaded notes.txt"));

                Files.writeString(remoteFile, "changed on the server");
                Files.setLastModifiedTime(remoteFile, FileTime.from(Instant.now().plusSeconds(60)));
                Files.writeString(local, "v3");
                waitFor(() -> asked.size() == 1);
                Thread.sleep(3 * RemoteEditor.POLL_MS);
                assertEquals("changed on the server", read(remoteFile));

                allow.set(true);
                Files.writeString(local, "v4 after asking");
                waitFor(() -> read(remoteFile).equals("v4 after asking"));
                assertEquals(2, asked.size());
                try (var s = Files.list(root)) {
                    assertEquals(List.of("notes.txt"), s.map(p -> p.getFileName().toString()).toList());
                }
            }
        } finally {
            // workers post to fx: they end first (see BrowserViewModelTest)
            workers.shutdown();
            if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            fx.shutdown();
            fx.awaitTermination(20, TimeUnit.SECONDS);
        }
    }
}
