package dev.skiff.app;

import dev.skiff.app.connections.ConnectionManager;
import dev.skiff.app.connections.SharedConnectionProvider;
import dev.skiff.app.fx.ErrorPresenter;
import dev.skiff.app.fx.UserMessage;
import dev.skiff.app.sftp.SftpBrowserTab;
import dev.skiff.app.sftp.TransferSettings;
import dev.skiff.app.sftp.TransferState;
import dev.skiff.app.terminal.ShellDirectory;
import dev.skiff.app.terminal.SshTerminalSource;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.control.Tab;

/**
 * Opens SFTP browser tabs on the connection a host's tabs share: a {@link ConnectingTab} shows the
 * steps while the connection opens (or is reused: no new login), then the browser takes its place.
 * The browser holds its own lease on the connection and gives it back when it closes, so the
 * connection lives as long as any terminal or browser tab uses it.
 *
 * <p>FX thread; connecting runs on the connection manager's workers.
 */
final class FileBrowserTabs {
    private final MainView view;
    private final Executor workers;
    private final Supplier<TransferSettings> settings;
    private final Consumer<TransferSettings> saveSettings;
    private final ErrorPresenter errors = new ErrorPresenter();

    /**
     * @param settings the transfer options a new browser starts with
     * @param saveSettings takes the options whenever the user changes them in a browser
     */
    FileBrowserTabs(MainView view, Executor workers, Supplier<TransferSettings> settings,
            Consumer<TransferSettings> saveSettings) {
        this.view = view;
        this.workers = workers;
        this.settings = settings;
        this.saveSettings = saveSettings;
    }

    /**
     * Opens a browser on {@code provider}'s connection.
     *
     * @param remotePath where the remote pane starts (null: the remote home)
     * @param terminal the terminal tab it was opened from, whose directory it starts in and can
     *     follow (null: none)
     */
    void open(String title, SharedConnectionProvider provider, String remotePath, SshTerminalSource terminal) {
        Attempt a = new Attempt(title, provider, remotePath, null, terminal);
        view.addTab(a.placeholder);
        a.start();
    }

    /**
     * The connection under {@code tab} closed. With no transfer to report, the tab gives way to a
     * placeholder saying so, whose Retry reopens both panes where they were; otherwise the remote
     * pane says so and the queue stays in view.
     */
    private void lost(SftpBrowserTab tab, Attempt from, Throwable failure) {
        int index = view.sessions().getTabs().indexOf(tab);
        if (index < 0) {
            return;
        }
        String why = failure == null ? "The connection to " + from.title + " was closed."
                : "The connection to " + from.title + " was lost: " + errors.present(failure).text();
        boolean transfers = tab.viewModel().queue().items().stream()
                .anyMatch(i -> !i.state().finished() || i.state() == TransferState.FAILED);
        if (transfers) {
            tab.viewModel().remote().showError(why + " Open files again to reconnect.");
            return;
        }
        String remote = tab.viewModel().remote().path();
        String local = tab.viewModel().local().path();
        Attempt again = new Attempt(from.title, from.provider, remote.isEmpty() ? from.remotePath : remote,
                local.isEmpty() ? null : Path.of(local), from.terminal);
        view.sessions().getTabs().set(index, again.placeholder);
        view.sessions().getSelectionModel().select(again.placeholder);
        if (tab.getOnClosed() != null) {
            tab.getOnClosed().handle(new Event(Tab.CLOSED_EVENT));
        }
        again.placeholder.failed(new UserMessage("Disconnected", why));
    }

    private final class Attempt {
        final String title;
        final SharedConnectionProvider provider;
        final String remotePath;
        final Path localPath;
        final SshTerminalSource terminal;
        final ConnectingTab placeholder;
        CompletableFuture<ConnectionManager.Lease> pending = CompletableFuture.completedFuture(null);

        Attempt(String title, SharedConnectionProvider provider, String remotePath, Path localPath,
                SshTerminalSource terminal) {
            this.title = title;
            this.provider = provider;
            this.remotePath = remotePath;
            this.localPath = localPath;
            this.terminal = terminal;
            placeholder = new ConnectingTab(title, () -> view.closeTab(currentPlaceholder()), this::start);
            placeholder.setOnClosed(e -> pending.cancel(false));
            placeholder.setUserData(provider);
        }

        ConnectingTab currentPlaceholder() {
            return placeholder;
        }

        void start() {
            placeholder.connecting("Connecting to " + title);
            pending = provider.lease(step -> Platform.runLater(() -> placeholder.connecting(step)));
            pending.whenComplete((lease, error) -> Platform.runLater(() -> {
                int index = view.sessions().getTabs().indexOf(placeholder);
                if (index < 0) { // closed or cancelled meanwhile
                    if (lease != null) {
                        lease.close();
                    }
                } else if (error != null) {
                    placeholder.failed(errors.present("Opening the file browser", error));
                } else {
                    show(index, lease);
                }
            }));
        }

        private void show(int index, ConnectionManager.Lease lease) {
            SftpBrowserTab tab;
            try {
                tab = new SftpBrowserTab(title, lease.connection(),
                        localPath != null ? localPath : Path.of(System.getProperty("user.home")), workers, settings.get());
            } catch (RuntimeException e) {
                lease.close();
                placeholder.failed(errors.present("Opening the file browser", e));
                return;
            }
            tab.setUserData(provider);
            tab.viewModel().settingsProperty().addListener((o, was, now) -> saveSettings.accept(now));
            EventHandler<Event> closed = tab.getOnClosed();
            tab.setOnClosed(e -> {
                if (closed != null) {
                    closed.handle(e);
                }
                lease.close();
            });
            view.sessions().getTabs().set(index, tab);
            view.sessions().getSelectionModel().select(tab);
            SftpBrowserTab shown = tab;
            lease.connection().closedStage().thenAccept(failure -> Platform.runLater(() -> lost(shown, this, failure)));
            if (terminal != null) {
                Supplier<CompletableFuture<String>> cwd = () -> terminal.reportedDirectory()
                        .map(CompletableFuture::completedFuture)
                        .orElseGet(() -> ShellDirectory.ask(lease.connection(), workers));
                tab.setFollowTerminal(cwd);
                if (remotePath == null && localPath == null) {
                    cwd.get().thenAccept(dir -> Platform.runLater(() -> {
                        if (!dir.isBlank()) {
                            tab.openRemote(dir);
                        }
                    }));
                }
            }
            if (remotePath != null) {
                tab.openRemote(remotePath);
            }
        }
    }
}
