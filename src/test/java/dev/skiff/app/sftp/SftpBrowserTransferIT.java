package dev.skiff.app.sftp;

import static dev.skiff.app.sftp.BrowserFixture.sha256;
import static dev.skiff.app.sftp.BrowserFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.testing.Screenshots;
import dev.skiff.ssh.sftp.transfer.TransferNames;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Big transfers through the browser's keyboard path (F5), headless: a tree of 200 small files
 * and a 64 MiB file up and down with identical SHA-256; cancel midway with atomic uploads (no
 * file under the final name), then resume to an identical file. Screenshot of a transfer in
 * progress: target/screenshots/sftp-browser.png.
 */
class SftpBrowserTransferIT extends BrowserTestBase {
    static final int BIG = 64 << 20;

    @Override
    void populate() throws Exception {
        treeAndBigFile(local);
    }

    /** local/tree: 200 small files in 10 folders; local/big.bin: 64 MiB. */
    static void treeAndBigFile(Path local) throws IOException {
        Random rnd = new Random(7);
        for (int i = 0; i < 200; i++) {
            Path p = local.resolve("tree/d" + (i % 10) + "/file" + i + ".txt");
            Files.createDirectories(p.getParent());
            byte[] b = new byte[100 + rnd.nextInt(4000)];
            rnd.nextBytes(b);
            Files.write(p, b);
        }
        writeRandom(local.resolve("big.bin"), BIG);
    }

    static void writeRandom(Path p, long size) throws IOException {
        Random rnd = new Random(size);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(p)) {
            for (long n = 0; n < size; n += buf.length) {
                rnd.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(buf.length, size - n));
            }
        }
    }

    private List<TransferItem> items() {
        return f.tab.viewModel().queue().items();
    }

    private boolean allDone(int n) {
        return items().size() == n && items().stream().allMatch(i -> i.state() == TransferState.DONE);
    }

    @Test
    void treeOf200FilesAndA64MiBFileUpAndDownIdentical() throws Exception {
        f.select("local", "big.bin", "tree");
        f.robot.type(KeyCode.F5);
        waitFor(() -> items().stream().anyMatch(i -> i.state() == TransferState.RUNNING && i.doneProperty().get() > 0));
        Screenshots.save(f.tab.getTabPane(), "sftp-browser");
        waitFor(() -> allDone(2));
        assertEquals(sha256(local.resolve("big.bin")), sha256(remote.resolve("big.bin")));
        for (int i = 0; i < 200; i++) {
            String rel = "tree/d" + (i % 10) + "/file" + i + ".txt";
            assertEquals(sha256(local.resolve(rel)), sha256(remote.resolve(rel)), rel);
        }
        assertTrue(items().stream().allMatch(i -> i.progressProperty().get() == 1.0));

        Path back = Files.createDirectories(local.resolve("back"));
        f.robot.interact(() -> f.localPane().navigate(back.toString()));
        waitFor(() -> f.localPane().path().equals(back.toString()));
        f.select("remote", "big.bin", "tree");
        f.robot.type(KeyCode.F5);
        waitFor(() -> allDone(4));
        assertEquals(sha256(local.resolve("big.bin")), sha256(back.resolve("big.bin")));
        try (var s = Files.walk(back.resolve("tree"))) {
            assertEquals(200, s.filter(Files::isRegularFile).count());
        }
        for (int i = 0; i < 200; i += 7) {
            String rel = "tree/d" + (i % 10) + "/file" + i + ".txt";
            assertEquals(sha256(local.resolve(rel)), sha256(back.resolve(rel)), rel);
        }
    }

    /**
     * The speed limit (4 MiB/s, chosen in the queue's bar) keeps the 64 MiB upload running for
     * about 16 s, so the cancel always lands midway however fast the machine; the retry runs
     * without a limit.
     */
    @Test
    void cancelMidwayLeavesNoFinalFileAndResumeCompletesIt() throws Exception {
        Path part = remote.resolve(TransferNames.temporaryName("/big.bin").substring(1));
        @SuppressWarnings("unchecked")
        ChoiceBox<Long> limit = f.robot.lookup("#transfer-limit").queryAs(ChoiceBox.class);
        f.robot.interact(() -> limit.setValue(4L << 20));
        assertEquals(4L << 20, f.tab.viewModel().settingsProperty().get().limit());
        f.select("local", "big.bin");
        f.robot.type(KeyCode.F5);
        waitFor(() -> items().size() == 1);
        TransferItem item = items().get(0);
        waitFor(() -> part.toFile().length() > 0);
        f.robot.interact(() -> f.tab.viewModel().queue().cancel(item));
        waitFor(() -> item.state() == TransferState.CANCELLED);
        long partial = part.toFile().length();
        assertTrue(partial > 0 && partial < BIG, "partial " + partial);
        assertFalse(Files.exists(remote.resolve("big.bin")), "no file under the final name");
        f.robot.interact(() -> limit.setValue(0L));
        f.robot.clickOn("#transfer-retry");
        waitFor(() -> item.state() == TransferState.DONE);
        assertTrue(item.request().resume());
        assertEquals(sha256(local.resolve("big.bin")), sha256(remote.resolve("big.bin")));
        assertFalse(Files.exists(part));
    }
}
