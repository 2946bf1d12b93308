package dev.skiff.app;

import dev.skiff.app.connections.ConnectionManager;
import dev.skiff.app.connections.VaultSecretMemory;
import dev.skiff.app.fx.BusyTab;
import dev.skiff.app.fx.Dialogs;
import dev.skiff.app.fx.ErrorPresenter;
import dev.skiff.app.fx.UserMessage;
import dev.skiff.app.interaction.AppHostKeyVerifier;
import dev.skiff.app.interaction.FxHostKeyQuestions;
import dev.skiff.app.interaction.FxInteraction;
import dev.skiff.app.sessions.AppDirs;
import dev.skiff.app.sessions.AppSettings;
import dev.skiff.app.sessions.HostStore;
import dev.skiff.app.sessions.HostsSidebar;
import dev.skiff.app.sessions.HostsSidebarViewModel;
import dev.skiff.app.sessions.SettingsStore;
import dev.skiff.app.sessions.Vault;
import dev.skiff.app.sftp.TransferSettings;
import dev.skiff.app.terminal.ColorScheme;
import dev.skiff.app.terminal.TerminalSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application and composition root: it creates the top-level objects (stores, vault,
 * connection manager, dialogs, verifier, main window) and wires them together by constructor
 * injection (no DI framework). Settings and hosts live in {@link AppDirs#current()} (the system
 * property {@value AppDirs#PROPERTY} overrides it, for tests).
 *
 * <p>Started through {@link GuiLauncher}; never the JVM main class (the app runs on the class path).
 */
public final class SkiffApp extends Application {

    static final String TITLE = "Skiff";
    static final double DEFAULT_WIDTH = 1100;
    static final double DEFAULT_HEIGHT = 720;

    private final AtomicInteger workerNumber = new AtomicInteger();
    private ExecutorService workers;
    private SettingsStore settings;
    private HostStore hosts;
    private ConnectionManager connections;
    private AppController controller;
    private MainView view;
    private Stage stage;
    private Scene scene;
    private AutoCloseable instance = () -> { };
    private AutoCloseable desktopActions = () -> { };
    private final TerminalSettings terminalSettings = new TerminalSettings();
    private AppDirs dirs;
    private Dialogs dialogs;
    private CurrentHostKeyVerifier hostKeys;

    @Override
    public void start(Stage primary) {
        stage = primary;
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "skiff-worker-" + workerNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AppDirs dirs = AppDirs.current();
        settings = SettingsStore.open(dirs);
        hosts = HostStore.open(dirs);
        connections = new ConnectionManager(workers);
        AppSettings s = settings.get();

        Application.setUserAgentStylesheet(AppTheme.stylesheet(s.theme() == AppSettings.Theme.DARK));
        Dialogs dialogs = new Dialogs(() -> stage, new ErrorPresenter());
        this.dirs = dirs;
        this.dialogs = dialogs;
        hostKeys = new CurrentHostKeyVerifier(hostKeyVerifier(s));
        FxInteraction fx = new FxInteraction(dialogs, FxInteraction.DEFAULT_TIMEOUT,
                new VaultSecretMemory(Vault.open(dirs), dialogs, workers));
        applyTerminalSettings(s);

        controller = new AppController(new AppController.AppContext(hosts, connections, fx, hostKeys, dialogs,
                terminalSettings, workers, this::transferSettings, this::saveTransferSettings, this::applyTheme,
                this::showPreferences, this::quit));
        view = new MainView(controller);
        HostsSidebarViewModel sidebarModel = new HostsSidebarViewModel(hosts, Platform::runLater);
        HostsSidebar sidebar = new HostsSidebar(sidebarModel, controller);
        view.setSidebar(sidebar.node());
        controller.attach(view, sidebar);
        sidebarModel.refreshConfigHosts(AppDirs.sshConfigFile(), workers);

        scene = new Scene(view.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(resource("skiff.css"));
        AppTheme theme = AppTheme.of(s.theme());
        applyTheme(theme);

        stage.setTitle(TITLE);
        stage.setMinWidth(480);
        stage.setMinHeight(320);
        for (String size : new String[] {"16", "32", "64", "256"}) {
            stage.getIcons().add(new Image(resource("icon-" + size + ".png")));
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!confirmQuit()) {
                e.consume();
            }
        });
        WindowState.restore(stage, view, s);
        dev.skiff.app.launch.StartupProbe.firstFrame(stage);
        stage.show();
        instance = dev.skiff.app.launch.AppInstance.serve(
                new OpenRequests(hosts, controller::onConnect, controller::quickConnect, dialogs, stage));
        desktopActions = DesktopActionsSync.start(hosts);
        hosts.loadProblem().or(settings::loadProblem)
                .ifPresent(problem -> dialogs.showMessage(new UserMessage("Saved hosts were not loaded", problem)));
    }

    /** Verifies host keys against the known_hosts files {@code s} names, saving in the one it chooses. */
    private AppHostKeyVerifier hostKeyVerifier(AppSettings s) {
        Path knownHostsSave = dirs.knownHostsWriteFile(s);
        List<Path> knownHostsRead = new ArrayList<>(dirs.knownHostsReadFiles(s));
        knownHostsRead.remove(knownHostsSave);
        return new AppHostKeyVerifier(knownHostsSave, knownHostsRead,
                new FxHostKeyQuestions(dialogs, knownHostsSave, FxInteraction.DEFAULT_TIMEOUT));
    }

    private void applyTerminalSettings(AppSettings s) {
        int size = (int) Math.round(s.terminalFontSize());
        terminalSettings.fontFamilyProperty().set(s.terminalFontFamily());
        terminalSettings.defaultFontSizeProperty().set(size); // what Ctrl+0 returns to
        terminalSettings.fontSizeProperty().set(size);
        terminalSettings.scrollbackLinesProperty().set(s.scrollbackLines());
    }

    /** File → Quit: closes the window once the user agrees to end what still runs. FX thread. */
    private void quit() {
        if (confirmQuit()) {
            stage.close();
        }
    }

    /** Asks before quitting while terminal sessions are open or transfers unfinished; true to quit. */
    private boolean confirmQuit() {
        int sessions = 0;
        int transfers = 0;
        for (var tab : view.sessions().getTabs()) {
            if (tab instanceof BusyTab b) {
                sessions += b.openSessions();
                transfers += b.unfinishedTransfers();
            }
        }
        String what = QuitSummary.of(sessions, transfers);
        return what.isEmpty() || dialogs.confirmNow("quit", "Quit Skiff?", what + " Quitting ends them.", "Quit");
    }

    /** File → Preferences: FX thread; the choices apply and are saved on OK. */
    private void showPreferences() {
        PreferencesViewModel vm = new PreferencesViewModel(settings.get());
        dialogs.show(PreferencesDialog.create(vm, dirs.knownHostsFile(), AppDirs.sshKnownHostsFile())).thenAccept(ok -> {
            if (Boolean.TRUE.equals(ok)) {
                AppSettings before = settings.get();
                AppSettings after = settings.update(vm::applyTo);
                applyTerminalSettings(after);
                if (before.writeToSshKnownHosts() != after.writeToSshKnownHosts()) {
                    hostKeys.set(hostKeyVerifier(after));
                }
                applyTheme(AppTheme.of(after.theme()));
            }
        });
    }

    private TransferSettings transferSettings() {
        return TransferPreferences.read(settings.get().transfers());
    }

    private void saveTransferSettings(TransferSettings t) {
        settings.update(s -> s.withTransfers(TransferPreferences.write(t)));
    }

    private void applyTheme(AppTheme theme) {
        view.selectTheme(theme);
        workers.execute(() -> {
            boolean dark = theme.isDark();
            Platform.runLater(() -> {
                Application.setUserAgentStylesheet(AppTheme.stylesheet(dark));
                terminalSettings.colorSchemeProperty().set(dark ? ColorScheme.DARK : ColorScheme.LIGHT);
            });
        });
        settings.update(x -> x.withTheme(theme.setting()));
    }

    @Override
    public void stop() {
        closeQuietly(instance);
        closeQuietly(desktopActions);
        if (view != null && settings != null) {
            WindowState.save(stage, view, settings);
        }
        if (view != null) {
            // close every tab as its close button does: sessions end, the terminals' repaint timers
            // stop (JediTermFX's timer, left running, throws from the FX thread once its panel is
            // collected), file browsers cancel their transfers and give their connections back
            List.copyOf(view.sessions().getTabs()).forEach(view::closeTab);
        }
        if (controller != null) {
            controller.close();
        }
        if (connections != null) {
            connections.close();
        }
        if (hosts != null) {
            hosts.close();
        }
        if (settings != null) {
            settings.close();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("skiff: " + e.getMessage());
        }
    }

    private static String resource(String name) {
        var url = SkiffApp.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing resource dev/skiff/app/" + name);
        }
        return url.toExternalForm();
    }
}
