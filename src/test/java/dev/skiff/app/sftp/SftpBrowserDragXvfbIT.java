package dev.skiff.app.sftp;

import static dev.skiff.app.sftp.BrowserFixture.sha256;
import static dev.skiff.app.sftp.BrowserFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.testing.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.Test;

/**
 * Drag and drop between the panes with the real glass toolkit (run under xvfb-run, see the
 * class name): a 64 MiB file and a tree of 200 small files dragged up, then dragged back down,
 * identical SHA-256 on both ends.
 */
class SftpBrowserDragXvfbIT extends BrowserTestBase {

    @Override
    void populate() throws Exception {
        SftpBrowserTransferIT.treeAndBigFile(local);
    }

    private Node row(String side, String name) {
        return f.robot.from(f.table(side)).lookup(".table-row-cell")
                .match(n -> ((TableRow<?>) n).getItem() instanceof FileEntry e && e.name().equals(name)).query();
    }

    private boolean allDone(int n) {
        List<TransferItem> items = f.tab.viewModel().queue().items();
        return items.size() == n && items.stream().allMatch(i -> i.state() == TransferState.DONE);
    }

    @Test
    void dragUpAndDownBetweenThePanes() throws Exception {
        Peers.requireDisplay();
        f.select("local", "big.bin", "tree");
        f.robot.drag(row("local", "big.bin")).dropTo(f.table("remote"));
        waitFor(() -> allDone(2));
        assertEquals(sha256(local.resolve("big.bin")), sha256(remote.resolve("big.bin")));
        for (int i = 0; i < 200; i++) {
            String rel = "tree/d" + (i % 10) + "/file" + i + ".txt";
            assertEquals(sha256(local.resolve(rel)), sha256(remote.resolve(rel)), rel);
        }
        Path back = Files.createDirectories(local.resolve("back"));
        f.robot.interact(() -> f.localPane().navigate(back.toString()));
        waitFor(() -> f.localPane().path().equals(back.toString()) && f.table("remote").getItems().size() == 2);
        f.select("remote", "big.bin", "tree");
        f.robot.drag(row("remote", "tree")).dropTo(f.table("local"));
        waitFor(() -> allDone(4));
        assertEquals(sha256(local.resolve("big.bin")), sha256(back.resolve("big.bin")));
        try (var s = Files.walk(back.resolve("tree"))) {
            assertEquals(200, s.filter(Files::isRegularFile).count());
        }
    }
}
