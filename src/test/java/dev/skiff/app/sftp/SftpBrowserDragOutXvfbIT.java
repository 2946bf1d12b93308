package dev.skiff.app.sftp;

import static dev.skiff.app.sftp.BrowserFixture.sha256;
import static dev.skiff.app.sftp.BrowserFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.testing.Peers;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drag-out with the real glass toolkit (run under xvfb-run): a random 6 MiB file and a small folder
 * dragged from the remote pane onto a separate stage standing in for the OS file manager, which
 * accepts a COPY of files and copies them once they exist (as a file manager would, just more
 * patient); the copies have the server's SHA-256. Also: a drag to the local pane still copies
 * directly and leaves no temp download behind.
 */
class SftpBrowserDragOutXvfbIT extends BrowserTestBase {
    private static final int BIG = 6 << 20;
    private Path dragOut;
    private Path copies;
    private Stage fileManager;
    private final List<File> dropped = new CopyOnWriteArrayList<>();
    private final List<Path> copied = new CopyOnWriteArrayList<>();
    private final List<String> copyErrors = new CopyOnWriteArrayList<>();

    @Override
    void populate() throws Exception {
        byte[] big = new byte[BIG];
        new Random(11).nextBytes(big);
        Files.write(remote.resolve("big.iso"), big);
        Files.createDirectories(remote.resolve("docs/sub"));
        Files.writeString(remote.resolve("docs/readme.txt"), "read me\n");
        byte[] small = new byte[70_000];
        new Random(12).nextBytes(small);
        Files.write(remote.resolve("docs/sub/data.bin"), small);
    }

    @BeforeEach
    void fileManager() throws Exception {
        dragOut = tmp.resolve("drag-out");
        copies = Files.createDirectories(tmp.resolve("file-manager"));
        robot.interact(() -> {
            f.tab.viewModel().setDragOutBase(dragOut);
            StackPane target = new StackPane(new Label("Drop here"));
            target.setId("file-manager");
            target.setOnDragOver(e -> {
                if (e.getDragboard().hasFiles()) {
                    e.acceptTransferModes(TransferMode.COPY);
                }
                e.consume();
            });
            target.setOnDragDropped(e -> {
                List<File> files = List.copyOf(e.getDragboard().getFiles());
                dropped.addAll(files);
                Thread t = new Thread(() -> files.forEach(this::copyWhenThere), "file-manager-copy");
                t.setDaemon(true);
                t.start();
                e.setDropCompleted(true);
                e.consume();
            });
            fileManager = new Stage();
            fileManager.setTitle("file manager");
            fileManager.setScene(new Scene(target, 280, 300));
            fileManager.setX(1300);
            fileManager.setY(40);
            fileManager.show();
        });
    }

    @AfterEach
    void closeFileManager() {
        robot.interact(() -> fileManager.hide());
    }

    /** What the stand-in file manager does with a dropped file: waits up to 30 s for it, then copies it. */
    private void copyWhenThere(File file) {
        Path from = file.toPath();
        try {
            long end = System.nanoTime() + 30_000_000_000L;
            while (!Files.exists(from) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            Path to = copies.resolve(from.getFileName());
            try (Stream<Path> s = Files.walk(from)) {
                for (Path p : s.toList()) {
                    Path dest = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
                    }
                }
            }
            copied.add(to);
        } catch (IOException | InterruptedException | UncheckedIOException e) {
            copyErrors.add(file + ": " + e);
        }
    }

    private Node row(String name) {
        return robot.from(f.table("remote")).lookup(".table-row-cell")
                .match(n -> ((TableRow<?>) n).getItem() instanceof FileEntry e && e.name().equals(name)).query();
    }

    @Test
    void dragsAFileAndAFolderOutToTheFileManager() throws Exception {
        Peers.requireDisplay(); // drag and drop between two windows needs a real windowing system
        // Hold the queue so the drop lands before the downloads finish (the case a real file manager
        // meets with a big file): it must find nothing yet, and the pane must say where the copy goes.
        robot.interact(() -> f.tab.viewModel().queue().parallelProperty().set(0));
        f.select("remote", "big.iso", "docs");
        robot.drag(row("big.iso")).dropTo("#file-manager");
        waitFor(() -> dropped.size() == 2);
        Path held = dropped.get(0).toPath().getParent();
        waitFor(() -> f.remotePane().noticeProperty().get().equals("Dragged out: docs and 1 more are still downloading to "
                + held + "; they will be complete there"));
        assertTrue(copied.isEmpty());
        robot.interact(() -> f.tab.viewModel().queue().parallelProperty().set(3));
        waitFor(() -> copied.size() + copyErrors.size() == 2);
        assertEquals(List.of(), copyErrors);
        assertEquals(2, dropped.size());
        Path dir = dropped.get(0).toPath().getParent();
        assertEquals(dragOut, dir.getParent());
        assertEquals(List.of(dir.resolve("big.iso"), dir.resolve("docs")), dropped.stream().map(File::toPath).sorted().toList());
        assertEquals(sha256(remote.resolve("big.iso")), sha256(copies.resolve("big.iso")));
        assertEquals(sha256(remote.resolve("docs/readme.txt")), sha256(copies.resolve("docs/readme.txt")));
        assertEquals(sha256(remote.resolve("docs/sub/data.bin")), sha256(copies.resolve("docs/sub/data.bin")));
        List<TransferItem> items = f.tab.viewModel().queue().items();
        waitFor(() -> items.size() == 2 && items.stream().allMatch(i -> i.state() == TransferState.DONE));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("big.iso", "docs"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        waitFor(() -> f.remotePane().noticeProperty().get().equals("Dragged out: all 2 items are complete in " + dir));
    }

    @Test
    void aDragToTheLocalPaneCopiesDirectlyWithoutATempDownload() throws Exception {
        f.select("remote", "big.iso");
        robot.drag(row("big.iso")).dropTo(f.table("local"));
        List<TransferItem> items = f.tab.viewModel().queue().items();
        waitFor(() -> Files.exists(local.resolve("big.iso")) && items.size() == 1
                && items.get(0).state() == TransferState.DONE && items.get(0).request().target().equals(local.resolve("big.iso").toString()));
        assertEquals(sha256(remote.resolve("big.iso")), sha256(local.resolve("big.iso")));
        waitFor(() -> {
            try (Stream<Path> s = Files.list(dragOut)) {
                return s.findAny().isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertFalse(dropped.size() > 0);
    }
}
