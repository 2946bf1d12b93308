package dev.skiff.app.sftp;

import static dev.skiff.app.sftp.BrowserFixture.sha256;
import static dev.skiff.app.sftp.BrowserFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.testing.Screenshots;
import dev.skiff.testing.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;

/** The browser tab (Monocle, headless) against a real Skiff SSH server whose SFTP root is a temp dir. */
class SftpBrowserTabTest extends BrowserTestBase {

    @Override
    void populate() throws Exception {
        Files.createDirectories(remote.resolve("docs/deep"));
        Files.writeString(remote.resolve("docs/readme.md"), "# hello");
        Files.writeString(remote.resolve("docs/deep/x.txt"), "x");
        Files.createDirectories(remote.resolve("photos"));
        Files.write(remote.resolve("big.bin"), random(300_000));
        Files.writeString(remote.resolve("small.txt"), "small");
        Files.writeString(remote.resolve(".profile"), "export A=1");
        Files.write(local.resolve("upload.bin"), random(1_500_000));
        Files.createDirectories(local.resolve("tree/sub"));
        for (int i = 0; i < 5; i++) {
            Files.write(local.resolve("tree/sub/f" + i + ".dat"), random(10_000 + i));
        }
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private List<String> names(String side) {
        return f.table(side).getItems().stream().map(FileEntry::name).toList();
    }

    @Test
    void browsesTheRemoteHomeSortsFiltersAndNavigatesWithTheKeyboard() throws Exception {
        assertEquals("/", f.remotePane().path());
        waitFor(() -> names("remote").equals(List.of("docs", "photos", "big.bin", "small.txt")));
        TableView<FileEntry> t = f.table("remote");
        Node sizeHeader = robot.from(t).lookup(".column-header").match(n -> "col-size".equals(n.getId())).query();
        robot.clickOn(sizeHeader);
        waitFor(() -> names("remote").equals(List.of("docs", "photos", "small.txt", "big.bin")));
        robot.clickOn(sizeHeader);
        waitFor(() -> names("remote").equals(List.of("docs", "photos", "big.bin", "small.txt")));

        robot.clickOn("#remote-hidden");
        waitFor(() -> names("remote").contains(".profile"));
        robot.clickOn("#remote-hidden");
        robot.clickOn("#remote-filter").write("SMA");
        waitFor(() -> names("remote").equals(List.of("small.txt")));
        robot.interact(() -> f.remotePane().filterProperty().set(""));

        f.select("remote", "docs");
        robot.type(KeyCode.ENTER);
        waitFor(() -> f.remotePane().path().equals("/docs"));
        waitFor(() -> names("remote").equals(List.of("deep", "readme.md")));
        f.select("remote", "deep");
        robot.type(KeyCode.ENTER);
        waitFor(() -> f.remotePane().path().equals("/docs/deep"));
        robot.type(KeyCode.BACK_SPACE);
        waitFor(() -> f.remotePane().path().equals("/docs"));
        robot.clickOn("#remote-back");
        waitFor(() -> f.remotePane().path().equals("/docs/deep"));
        robot.clickOn(robot.from(robot.lookup("#remote-crumbs").queryAs(Node.class)).lookup(".crumb")
                .match(n -> ((Button) n).getText().equals("docs")).queryAs(Node.class));
        waitFor(() -> f.remotePane().path().equals("/docs"));
        robot.clickOn("#remote-home");
        waitFor(() -> f.remotePane().path().equals("/"));
        f.select("remote", "big.bin");
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#remote-path").query().isVisible());
        robot.interact(() -> robot.lookup("#remote-path").queryAs(TextField.class).setText("/docs/deep"));
        robot.clickOn("#remote-path").type(KeyCode.ENTER);
        waitFor(() -> f.remotePane().path().equals("/docs/deep") && !robot.lookup("#remote-path").query().isVisible());
        assertTrue(f.tab.getText().startsWith("alice@test"));
    }

    @Test
    void f5UploadsAndDownloadsFilesAndFoldersWithIdenticalContent() throws Exception {
        f.select("local", "upload.bin", "tree");
        robot.type(KeyCode.F5);
        waitFor(() -> f.tab.viewModel().queue().items().size() == 2
                && f.tab.viewModel().queue().items().stream().allMatch(i -> i.state() == TransferState.DONE));
        assertEquals(sha256(local.resolve("upload.bin")), sha256(remote.resolve("upload.bin")));
        for (int i = 0; i < 5; i++) {
            assertEquals(sha256(local.resolve("tree/sub/f" + i + ".dat")), sha256(remote.resolve("tree/sub/f" + i + ".dat")));
        }
        waitFor(() -> names("remote").contains("upload.bin") && names("remote").contains("tree"));

        f.select("remote", "big.bin", "docs");
        robot.type(KeyCode.F5);
        waitFor(() -> f.tab.viewModel().queue().items().size() == 4
                && f.tab.viewModel().queue().items().stream().allMatch(i -> i.state() == TransferState.DONE));
        assertEquals(sha256(remote.resolve("big.bin")), sha256(local.resolve("big.bin")));
        assertEquals("x", Files.readString(local.resolve("docs/deep/x.txt")));
        waitFor(() -> names("local").contains("big.bin"));
        assertEquals(1.0, f.tab.viewModel().queue().items().get(0).progressProperty().get());
        Screenshots.save(f.tab.view(), "sftp-browser-done");
    }

    /**
     * The queue's Options menu: "If the file exists → Skip" leaves the server's file alone (the
     * item is recorded as skipped), and unticking atomic uploads reaches the settings.
     */
    @Test
    void optionsMenuChoosesWhatHappensToExistingFiles() throws Exception {
        Files.writeString(local.resolve("small.txt"), "a newer local version");
        robot.interact(() -> f.localPane().refresh());
        waitFor(() -> names("local").contains("small.txt"));
        robot.clickOn("#transfer-options");
        robot.clickOn("#transfer-atomic");
        assertFalse(f.tab.viewModel().settingsProperty().get().atomicUploads());
        robot.clickOn("#transfer-options");
        robot.clickOn("If the file exists");
        robot.clickOn("#transfer-conflict-skip");
        assertEquals(ConflictChoice.SKIP, f.tab.viewModel().settingsProperty().get().conflict());
        f.select("local", "small.txt");
        robot.type(KeyCode.F5);
        waitFor(() -> f.tab.viewModel().queue().items().size() == 1
                && f.tab.viewModel().queue().items().get(0).state() == TransferState.SKIPPED);
        assertEquals("small", Files.readString(remote.resolve("small.txt")));
    }

    /** In a narrow pane a long path keeps its deepest folders in view; the start is clipped. */
    @Test
    void aLongPathShowsItsDeepestFolders() throws Exception {
        String deep = "a-rather-long-folder-name/and-another-long-one/third-level-folder/the-deepest";
        Files.createDirectories(remote.resolve(deep));
        robot.interact(() -> f.stage.setWidth(700));
        robot.interact(() -> f.remotePane().navigate("/" + deep));
        waitFor(() -> f.remotePane().path().equals("/" + deep));
        HBox crumbs = robot.lookup("#remote-crumbs").queryAs(HBox.class);
        waitFor(() -> {
            Node last = crumbs.getChildren().get(crumbs.getChildren().size() - 1);
            Bounds shown = last.localToScene(last.getBoundsInLocal());
            Bounds bar = crumbs.getParent().localToScene(crumbs.getParent().getBoundsInLocal());
            return last instanceof Button b && b.getText().equals("the-deepest")
                    && b.getWidth() >= b.prefWidth(-1) - 0.5 // not shortened
                    && shown.getMaxX() <= bar.getMaxX() + 1 && shown.getMinX() >= bar.getMinX()
                    && crumbs.prefWidth(-1) > crumbs.getWidth(); // the path is longer than the bar
        });
    }

    /** Closing the tab while a transfer runs asks first; Cancel keeps it going, OK stops it. */
    @Test
    void closingWithATransferRunningAsksFirst() throws Exception {
        robot.interact(() -> f.tab.viewModel().settingsProperty().set(
                f.tab.viewModel().settingsProperty().get().withLimit(128 << 10))); // 1.5 MB: about 11 s
        f.select("local", "upload.bin");
        robot.type(KeyCode.F5);
        waitFor(() -> f.tab.viewModel().queue().items().size() == 1
                && f.tab.viewModel().queue().items().get(0).state() == TransferState.RUNNING);
        robot.clickOn(".tab-close-button");
        DialogPane question = dialog("confirm-dialog");
        assertTrue(question.getContentText().contains("1 transfer is not finished"), question.getContentText());
        robot.clickOn((Button) question.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        waitFor(() -> robot.lookup("#confirm-dialog").tryQuery().isEmpty());
        assertTrue(f.tab.getTabPane() != null, "Cancel keeps the tab");
        assertEquals(TransferState.RUNNING, f.tab.viewModel().queue().items().get(0).state());

        robot.clickOn(".tab-close-button");
        ok(dialog("confirm-dialog"));
        waitFor(() -> f.tab.getTabPane() == null && f.tab.viewModel().queue().items().get(0).state().finished());
        assertFalse(Files.exists(remote.resolve("upload.bin")), "the stopped upload left no file under its name");
    }

    private DialogPane dialog(String id) {
        waitFor(() -> robot.lookup("#" + id).tryQuery().isPresent());
        return robot.lookup("#" + id).queryAs(DialogPane.class);
    }

    private void ok(DialogPane d) {
        robot.clickOn((Button) d.lookupButton(javafx.scene.control.ButtonType.OK));
    }

    @Test
    void renameDeleteNewFolderAndChmodThroughTheUi() throws Exception {
        f.select("remote", "small.txt");
        robot.type(KeyCode.F2);
        DialogPane d = dialog("text-dialog");
        TextField field = robot.lookup("#text-dialog-field").queryAs(TextField.class);
        robot.interact(() -> field.setText("renamed.txt"));
        ok(d);
        waitFor(() -> Files.exists(remote.resolve("renamed.txt")) && names("remote").contains("renamed.txt"));
        assertFalse(Files.exists(remote.resolve("small.txt")));

        f.select("remote", "docs");
        robot.type(KeyCode.F7);
        d = dialog("text-dialog");
        TextField field2 = robot.lookup("#text-dialog-field").queryAs(TextField.class);
        robot.interact(() -> field2.setText("made"));
        ok(d);
        waitFor(() -> Files.isDirectory(remote.resolve("made")) && names("remote").contains("made"));

        f.select("remote", "docs");
        robot.type(KeyCode.DELETE);
        ok(dialog("confirm-dialog"));
        waitFor(() -> !Files.exists(remote.resolve("docs")) && !names("remote").contains("docs"));

        f.select("remote", "renamed.txt");
        javafx.scene.control.ContextMenu menu = f.table("remote").getContextMenu();
        robot.interact(() -> menu.show(f.table("remote"), javafx.geometry.Side.TOP, 40, 80));
        waitFor(menu::isShowing);
        javafx.scene.control.MenuItem perms = menu.getItems().stream()
                .filter(i -> "menu-permissions".equals(i.getId())).findFirst().orElseThrow();
        assertFalse(perms.isDisable());
        robot.interact(menu::hide);
        javafx.application.Platform.runLater(perms::fire);
        d = dialog("permissions-dialog");
        robot.clickOn("#perm-ox");
        TextField octal = robot.lookup("#perm-octal").queryAs(TextField.class);
        assertEquals("0645", octal.getText());
        robot.interact(() -> octal.setText("0640"));
        assertFalse(robot.lookup("#perm-ox").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        ok(d);
        waitFor(() -> {
            try {
                return PosixFilePermissions.toString(Files.getPosixFilePermissions(remote.resolve("renamed.txt"))).equals("rw-r-----");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        waitFor(() -> f.table("remote").getItems().stream().anyMatch(e -> e.permissions() == 0640));
    }

    /** Makes {@code dir} refuse new entries: chmod 555 for a normal user, chattr +i for root. */
    private static boolean lock(Path dir, boolean on) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(on ? "r-xr-xr-x" : "rwxr-xr-x"));
            return true;
        }
        Process p = new ProcessBuilder("chattr", on ? "+i" : "-i", dir.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    @Test
    void aDeniedDirectoryShowsAnErrorInThePaneAndTheRestOfTheCopyGoesOn() throws Exception {
        Path locked = Files.createDirectories(remote.resolve("locked"));
        Files.createDirectories(local.resolve("locked"));
        Files.writeString(local.resolve("locked/a.txt"), "a");
        if (!lock(locked, true)) {
            // as root only chattr +i makes a directory refuse writes; CI must run this test
            String message = "cannot make a directory refuse writes here (chattr +i failed)";
            if (Peers.onCi()) {
                throw new IllegalStateException(message + "; CI=true, so this is an error");
            }
            org.junit.jupiter.api.Assumptions.abort(message + "; skipping");
        }
        try {
            f.robot.interact(() -> f.localPane().refresh());
            waitFor(() -> names("local").contains("locked"));
            f.select("local", "locked", "tree", "upload.bin");
            robot.type(KeyCode.F5);
            waitFor(() -> f.tab.viewModel().queue().items().size() == 3
                    && f.tab.viewModel().queue().items().stream().allMatch(i -> i.state().finished()));
            TransferItem failed = f.tab.viewModel().queue().items().stream().filter(i -> i.name().equals("locked"))
                    .findFirst().orElseThrow();
            assertEquals(TransferState.FAILED, failed.state());
            assertTrue(failed.errorProperty().get().startsWith("Permission denied: /locked/"), failed.errorProperty().get());
            assertEquals(2, f.tab.viewModel().queue().items().stream().filter(i -> i.state() == TransferState.DONE).count());
            assertEquals(sha256(local.resolve("upload.bin")), sha256(remote.resolve("upload.bin")));
            assertTrue(Files.exists(remote.resolve("tree/sub/f4.dat")));
            waitFor(() -> f.remotePane().errorProperty().get().contains("Upload of locked failed"));
            assertTrue(robot.lookup("#remote-error").query().isVisible());
            Screenshots.save(f.tab.view(), "sftp-browser-error");
        } finally {
            lock(locked, false);
        }
    }

    @Test
    void followTerminalJumpsToTheTerminalsDirectory() {
        robot.interact(() -> f.tab.openRemote("docs"));
        waitFor(() -> f.remotePane().path().equals("/docs"));
        assertFalse(robot.lookup("#remote-follow").query().isVisible());
        java.util.concurrent.atomic.AtomicReference<String> cwd = new java.util.concurrent.atomic.AtomicReference<>("/docs/deep");
        robot.interact(() -> f.tab.setFollowTerminal(() -> cwd.get() == null
                ? java.util.concurrent.CompletableFuture.failedFuture(new java.io.IOException("the shell did not answer"))
                : java.util.concurrent.CompletableFuture.supplyAsync(cwd::get)));
        robot.clickOn("#remote-follow");
        waitFor(() -> f.remotePane().path().equals("/docs/deep") && names("remote").equals(List.of("x.txt")));
        cwd.set(null);
        robot.clickOn("#remote-follow");
        waitFor(() -> f.remotePane().errorProperty().get().equals("Follow terminal: the shell did not answer"));
        assertEquals("/docs/deep", f.remotePane().path());
    }

    @Test
    void conflictDialogRenameAppliesToAllAndOsDropsUpload() throws Exception {
        Files.writeString(remote.resolve("upload.bin"), "old");
        Files.createDirectories(remote.resolve("tree"));
        robot.interact(() -> {
            f.tab.viewModel().settingsProperty().set(f.tab.viewModel().settingsProperty().get().withConflict(ConflictChoice.ASK));
            f.remotePane().refresh();
        });
        waitFor(() -> names("remote").contains("upload.bin"));
        f.select("local", "tree", "upload.bin");
        robot.type(KeyCode.F5);
        DialogPane d = dialog("conflict-dialog");
        robot.clickOn("#conflict-all");
        robot.clickOn((Button) d.getButtonTypes().stream().filter(b -> b.getText().equals("Rename"))
                .map(d::lookupButton).findFirst().orElseThrow());
        waitFor(() -> f.tab.viewModel().queue().items().size() == 2
                && f.tab.viewModel().queue().items().stream().allMatch(i -> i.state() == TransferState.DONE));
        assertEquals("old", Files.readString(remote.resolve("upload.bin")));
        assertEquals(sha256(local.resolve("upload.bin")), sha256(remote.resolve("upload (1).bin")));
        assertTrue(Files.exists(remote.resolve("tree (1)/sub/f0.dat")));

        Path dropped = Files.writeString(tmp.resolve("from-file-manager.txt"), "dropped");
        robot.interact(() -> f.tab.viewModel().uploadLocal(List.of(dropped)));
        waitFor(() -> Files.exists(remote.resolve("from-file-manager.txt")) && names("remote").contains("from-file-manager.txt"));
        assertEquals("dropped", Files.readString(remote.resolve("from-file-manager.txt")));
    }
}
