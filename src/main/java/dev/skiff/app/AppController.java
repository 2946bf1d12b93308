package dev.skiff.app;

import dev.skiff.app.connections.AppConnectInteraction;
import dev.skiff.app.connections.ConnectionManager;
import dev.skiff.app.connections.HostConnection;
import dev.skiff.app.connections.QuickConnect;
import dev.skiff.app.connections.SharedConnectionProvider;
import dev.skiff.app.demo.LocalDemoServer;
import dev.skiff.app.fx.Dialogs;
import dev.skiff.app.interaction.FxInteraction;
import dev.skiff.app.sessions.AppDirs;
import dev.skiff.app.sessions.HostStore;
import dev.skiff.app.sessions.HostsSidebar;
import dev.skiff.app.sessions.HostsSidebarListener;
import dev.skiff.app.sessions.SavedHost;
import dev.skiff.app.sessions.SavedHostConnectOptions;
import dev.skiff.app.sessions.SshConfigImport;
import dev.skiff.app.sftp.SftpUri;
import dev.skiff.app.sftp.TransferSettings;
import dev.skiff.app.terminal.LocalShellSource;
import dev.skiff.app.terminal.SshTerminalSource;
import dev.skiff.app.terminal.TerminalProfile;
import dev.skiff.app.terminal.TerminalSettings;
import dev.skiff.app.terminal.TerminalSource;
import dev.skiff.app.terminal.TerminalTab;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.config.SshConfigEvaluator;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Tab;

/**
 * What the main window's controls and the host sidebar do: open terminal tabs (to saved hosts, a
 * quick-connect destination, the local demo or a local shell) and file browser tabs (a saved host's
 * "Open files", {@code sftp://} quick connect, beside a terminal), import hosts, add hosts. Tabs to
 * the same host share one connection through the {@link ConnectionManager}.
 *
 * <p>FX thread; connecting runs on the worker executor.
 */
final class AppController implements MainView.Actions, HostsSidebarListener {
    private final AppContext ctx;
    private MainView view;
    private HostsSidebar sidebar;
    private LocalDemoServer demo;
    private FileBrowserTabs files;

    AppController(AppContext ctx) {
        this.ctx = ctx;
    }

    void attach(MainView view, HostsSidebar sidebar) {
        this.view = view;
        this.sidebar = sidebar;
        this.files = new FileBrowserTabs(view, ctx.workers(), ctx.transferSettings(), ctx.saveTransferSettings());
    }

    // --- sidebar -------------------------------------------------------------------------------

    @Override
    public void onConnect(SavedHost host) {
        openTab(new SshTerminalSource(host.label(), savedHostProvider(host), TerminalProfile.named(host.terminalProfile())));
    }

    @Override
    public void onOpenFiles(SavedHost host) {
        files.open(host.label(), savedHostProvider(host), null, null);
    }

    private SharedConnectionProvider savedHostProvider(SavedHost host) {
        return SharedConnectionProvider.forHost(ctx.connections(), "saved:" + host.id(),
                progress -> () -> connectSaved(host, progress));
    }

    /** Worker thread: connects, logs in and starts the host's forwards (once per shared connection). */
    private HostConnection connectSaved(SavedHost host, Consumer<String> progress) throws SshException {
        HostConfig cfg = SavedHostConnectOptions.evaluate(host, ctx.hosts(), true);
        return HostConnection.open(cfg, hop -> evaluate(hop.format(), null, 0), System.getenv(), interaction(progress));
    }

    private AppConnectInteraction interaction(Consumer<String> progress) {
        return new AppConnectInteraction(ctx.fxInteraction(), ctx.hostKeys(), progress);
    }

    private static HostConfig evaluate(String destination, String user, int port) {
        SshConfigEvaluator e = new SshConfigEvaluator().destination(destination);
        if (user != null) {
            e.user(user);
        }
        if (port > 0) {
            e.port(port);
        }
        try {
            return e.evaluate();
        } catch (SshException ex) {
            throw new IllegalArgumentException(destination + ": " + ex.getMessage(), ex);
        }
    }

    // --- tool bar and menus --------------------------------------------------------------------

    @Override
    public void quickConnect(String text) {
        var parsed = QuickConnect.parse(text);
        if (parsed.isEmpty()) {
            view.setStatus("Quick connect: enter user@host, user@host:port, ssh://… or sftp://…");
            return;
        }
        QuickConnect q = parsed.get();
        // ~/.ssh/config applies as with ssh, its forwards and SetEnv included
        var provider = SharedConnectionProvider.forHost(ctx.connections(), "quick:" + q.display(),
                progress -> () -> HostConnection.open(evaluate(q.host(), q.user(), q.port()),
                        hop -> evaluate(hop.format(), null, 0), System.getenv(), interaction(progress)));
        if (q.scheme() == QuickConnect.Scheme.SFTP) {
            String path;
            try {
                path = SftpUri.parse(text).path();
            } catch (IllegalArgumentException e) {
                view.setStatus("Quick connect: " + e.getMessage());
                return;
            }
            files.open(q.display(), provider, path, null);
        } else {
            openTerminal(q.display(), provider);
        }
        view.quickConnectField().clear();
    }

    /**
     * Opens the file browser on the selected tab's connection (no new login): beside a terminal it
     * starts in, and can follow, the shell's directory.
     */
    @Override
    public void openFiles() {
        Tab selected = view.sessions().getSelectionModel().getSelectedItem();
        Object data = selected == null ? null : selected.getUserData();
        if (data instanceof SshTerminalSource s && s.provider() instanceof SharedConnectionProvider p) {
            files.open(s.displayName(), p, null, s);
        } else if (data instanceof SharedConnectionProvider p) {
            files.open(selected.getText().replaceFirst(" — .*", ""), p, null, null);
        } else {
            view.setStatus("Open files: select a tab connected to a host, or use “Open files” on a saved host");
        }
    }

    /** Opens an SSH terminal tab whose connection comes from {@code provider}. */
    TerminalTab openTerminal(String label, SshTerminalSource.ConnectionProvider provider) {
        return openTab(new SshTerminalSource(label, provider));
    }

    private TerminalTab openTab(TerminalSource source) {
        TerminalTab tab = new TerminalTab(source, ctx.terminalSettings(), ctx.workers());
        tab.setUserData(source);
        view.addTab(tab);
        tab.connect();
        return tab;
    }

    @Override
    public void newTab() {
        Tab selected = view.sessions().getSelectionModel().getSelectedItem();
        if (selected != null && selected.getUserData() instanceof SshTerminalSource s) {
            openTab(new SshTerminalSource(s.displayName(), s.provider(), s.profile()));
        } else if (selected != null && selected.getUserData() instanceof SharedConnectionProvider p) {
            openTerminal(selected.getText().replaceFirst(" — .*", ""), p); // beside a file browser
        } else {
            newLocalShell();
        }
    }

    @Override
    public void newLocalShell() {
        openTab(new LocalShellSource());
    }

    @Override
    public void importSshConfig() {
        Path file = AppDirs.sshConfigFile();
        HostStore hosts = ctx.hosts();
        try {
            List<SavedHost> imported = new SshConfigImport(file).importHosts("Imported from ~/.ssh/config");
            List<String> known = hosts.hosts().stream().map(SavedHost::label).toList();
            List<SavedHost> fresh = imported.stream().filter(h -> !known.contains(h.label())).toList();
            hosts.putAll(fresh);
            view.setStatus(fresh.isEmpty() ? "No new hosts in " + file
                    : "Imported " + fresh.size() + " host" + (fresh.size() == 1 ? "" : "s") + " from " + file);
        } catch (Exception e) {
            ctx.dialogs().showError(e);
        }
    }

    @Override
    public void findHost() {
        sidebar.focusSearch();
    }

    @Override
    public void addHost() {
        sidebar.edit(null);
    }

    @Override
    public void startDemo() {
        openTerminal(LocalDemoServer.LABEL, new SharedConnectionProvider(ctx.connections(), "demo",
                progress -> () -> {
                    progress.accept("Starting the local demo server");
                    return demoServer().connect();
                }));
    }

    synchronized LocalDemoServer demoServer() throws java.io.IOException {
        if (demo == null) {
            demo = LocalDemoServer.start(Path.of(System.getProperty("user.home")));
        }
        return demo;
    }

    @Override
    public void themeChosen(AppTheme theme) {
        ctx.applyTheme(theme);
    }

    @Override
    public void preferences() {
        ctx.preferences();
    }

    @Override
    public void quit() {
        Platform.runLater(ctx::quit);
    }

    synchronized void close() {
        if (demo != null) {
            demo.close();
        }
    }

    /** The app-wide services the controller uses (built by {@link SkiffApp}). */
    record AppContext(HostStore hosts, ConnectionManager connections, FxInteraction fxInteraction,
            HostKeyVerifier hostKeys, Dialogs dialogs, TerminalSettings terminalSettings, Executor workers,
            Supplier<TransferSettings> transferSettings, Consumer<TransferSettings> saveTransferSettings,
            Consumer<AppTheme> themes, Runnable preferencesAction,
            Runnable quitAction) {
        void applyTheme(AppTheme t) {
            themes.accept(t);
        }

        void quit() {
            quitAction.run();
        }

        void preferences() {
            preferencesAction.run();
        }
    }
}
