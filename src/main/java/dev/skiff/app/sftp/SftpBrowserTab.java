package dev.skiff.app.sftp;

import dev.skiff.app.fx.BusyTab;
import dev.skiff.ssh.SshConnection;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The SFTP browser as a tab: local pane left, remote pane right, transfer queue below. The remote
 * side uses new SFTP channels on the given (already authenticated) connection: no new login.
 * The tab header shows the transfer totals. Closing the tab cancels its transfers and closes its
 * channels (the connection stays open: it belongs to the caller).
 *
 * <p>Threads: construct and use on the FX thread. Everything that blocks runs on {@code workers};
 * results come back with {@link Platform#runLater}.
 */
public final class SftpBrowserTab extends Tab implements BusyTab {
    private final BrowserViewModel vm;
    private final FilePaneView left;
    private final FilePaneView right;
    private final BorderPane root = new BorderPane();

    /** A browser on {@code connection}, the local pane starting in {@code localStart}. */
    public SftpBrowserTab(String title, SshConnection connection, Path localStart, Executor workers,
            TransferSettings settings) {
        this(title, new LocalFileBrowser(localStart), new RemoteFileBrowser(connection), null, connection, workers, settings);
    }

    /** A browser over any two file systems and a transferer (tests, other back ends). */
    public SftpBrowserTab(String title, FileBrowser local, FileBrowser remote, Transferer transferer, Executor workers,
            TransferSettings settings) {
        this(title, local, remote, transferer, null, workers, settings);
    }

    private SftpBrowserTab(String title, FileBrowser local, FileBrowser remote, Transferer transferer,
            SshConnection connection, Executor workers, TransferSettings settings) {
        Executor fx = Platform::runLater;
        PaneViewModel l = new PaneViewModel(local, workers, fx);
        PaneViewModel r = new PaneViewModel(remote, workers, fx);
        BrowserViewModel[] self = new BrowserViewModel[1];
        Transferer t = transferer != null ? transferer
                : new SftpTransferer(connection, () -> self[0].settingsProperty().get());
        vm = new BrowserViewModel(l, r, new TransferQueue(t, workers, fx), settings, null, workers, fx);
        self[0] = vm;
        left = new FilePaneView(l, vm, "local");
        right = new FilePaneView(r, vm, "remote");
        left.pairWith(right);
        right.pairWith(left);
        vm.setConflictResolver(new ConflictDialog(root));
        Transferer atomic = transferer != null ? transferer
                : new SftpTransferer(connection, () -> self[0].settingsProperty().get().withAtomicUploads(true).withPreserve(false));
        vm.setEditor(new RemoteEditor(remote, atomic, workers, fx, RemoteEditor::openWithDesktop,
                (path, why) -> CompletableFuture.completedFuture(Dialogs.confirm(root, "Overwrite " + Paths.fileName(path) + "?",
                        why + "\nUpload your version anyway?")), r::showNotice));
        SplitPane panes = new SplitPane(left.root(), right.root());
        SplitPane main = new SplitPane(panes, new TransferQueueView(vm).root());
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.66);
        root.setCenter(main);
        root.setId("sftp-browser");
        root.getStyleClass().add("sftp-browser");
        root.getStylesheets().add(stylesheet());
        setContent(root);
        setGraphic(new FontIcon(Feather.FOLDER));
        textProperty().bind(Bindings.createStringBinding(() -> {
            String s = vm.queue().summaryProperty().get();
            return s.isEmpty() ? title : title + " — " + s;
        }, vm.queue().summaryProperty()));
        // closing stops unfinished transfers: ask first, as FileZilla and WinSCP do
        setOnCloseRequest(e -> busyWith().ifPresent(what -> {
            if (!Dialogs.confirm(root, "Close " + title + "?", "Closing the browser stops them: "
                    + what + ".")) {
                e.consume();
            }
        }));
        setOnClosed(e -> {
            vm.queue().cancelAll();
            vm.editor().close();
            workers.execute(() -> {
                remote.close();
                local.close();
            });
        });
        // the keyboard goes to the pane used last (the remote one at first) whenever the tab is shown
        TableView<?>[] last = {right.table()};
        left.table().focusedProperty().addListener((o, was, now) -> last[0] = now ? left.table() : last[0]);
        right.table().focusedProperty().addListener((o, was, now) -> last[0] = now ? right.table() : last[0]);
        selectedProperty().addListener((o, was, now) -> {
            if (now) {
                Platform.runLater(last[0]::requestFocus);
            }
        });
        l.home();
        r.home();
    }

    @Override
    public int unfinishedTransfers() {
        return (int) vm.queue().items().stream().filter(i -> !i.state().finished()).count();
    }

    @Override
    public java.util.Optional<String> busyWith() {
        int n = unfinishedTransfers();
        return n == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(n == 1 ? "1 transfer is not finished" : n + " transfers are not finished");
    }

    public BrowserViewModel viewModel() {
        return vm;
    }

    /**
     * Opens {@code path} in the remote pane (e.g. the path of an {@code sftp://} address; relative
     * paths are taken from the remote home). FX thread.
     */
    public void openRemote(String path) {
        PaneViewModel r = vm.remote();
        if (r.path().isEmpty()) {
            r.home().thenRun(() -> r.navigate(path));
        } else {
            r.navigate(path.startsWith("/") ? path : r.browser().resolve(r.path(), path));
        }
    }

    /** The browser's root node (what the tab shows). */
    public Node view() {
        return root;
    }

    /**
     * Shows "Follow terminal" on the remote pane: it navigates to the directory {@code cwd}
     * completes with (the terminal's working directory, from OSC 7 or by asking the shell). The
     * supplier is called on the FX thread and must not block; null hides the button.
     */
    public void setFollowTerminal(Supplier<CompletableFuture<String>> cwd) {
        right.setFollowTerminal(cwd);
    }

    static String stylesheet() {
        var url = SftpBrowserTab.class.getResource("sftp-browser.css");
        if (url == null) {
            throw new IllegalStateException("missing resource dev/skiff/app/sftp/sftp-browser.css");
        }
        return url.toExternalForm();
    }
}
