package dev.skiff.app;

import static dev.skiff.app.testing.FxWait.fx;
import static dev.skiff.app.testing.FxWait.until;

import dev.skiff.app.sessions.AppDirs;
import dev.skiff.app.sessions.AppSettings;
import dev.skiff.app.sessions.AuthPreference;
import dev.skiff.app.sessions.HostStore;
import dev.skiff.app.sessions.SavedHost;
import dev.skiff.app.sessions.SettingsStore;
import dev.skiff.app.sessions.SidebarEntry;
import dev.skiff.app.terminal.TerminalTab;
import dev.skiff.app.terminal.TerminalTabViewModel.State;
import dev.skiff.app.testing.AppTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real {@link SkiffApp} for end-to-end GUI tests: a temporary config directory
 * ({@value AppDirs#PROPERTY}) and home directory ({@code user.home}, so neither the user's
 * {@code ~/.ssh} nor their shell's start directory leak in), an {@link AppTestServer}, saved hosts
 * and settings written before the app starts, and the lookups the tests share. Test thread; close
 * it after the test (stops the app and the server, restores the system properties).
 */
final class AppFixture implements AutoCloseable {
    final Path config;
    final Path home;
    final AppTestServer server;
    final FxRobot robot = new FxRobot();
    private final String previousHome = System.getProperty("user.home");
    private Stage stage;
    private Application app;

    AppFixture(Path dir) throws Exception {
        this(dir, dir.resolve("files"));
    }

    /** A fixture whose server's SFTP is rooted at {@code sftpRoot} ({@code /}: paths as the shell sees them). */
    AppFixture(Path dir, Path sftpRoot) throws Exception {
        home = dir.resolve("home");
        config = home.resolve(".config").resolve("skiff");
        Files.createDirectories(config);
        Files.createDirectories(home);
        Files.createDirectories(dir.resolve("files"));
        System.setProperty(AppDirs.PROPERTY, config.toString());
        System.setProperty("user.home", home.toString());
        server = new AppTestServer(sftpRoot);
    }

    /** A saved host on the test server. */
    SavedHost host(String label, String user, AuthPreference auth, String folder) {
        return new SavedHost(null, label, server.host(), server.port(), user, auth, "", "", folder, Map.of(),
                List.of(), 0, "", "");
    }

    /** Writes hosts to the config directory (before {@link #startApp}). */
    void saveHosts(List<SavedHost> hosts) throws Exception {
        try (HostStore store = HostStore.open(new AppDirs(config))) {
            store.putAll(hosts);
            store.flush();
        }
    }

    /** Changes the settings file (before {@link #startApp}). */
    void saveSettings(UnaryOperator<AppSettings> change) throws Exception {
        try (SettingsStore store = SettingsStore.open(new AppDirs(config))) {
            store.update(change);
            store.flush();
        }
    }

    /** settings.json without white space, or "" while there is none. */
    String savedSettings() {
        try {
            return Files.readString(config.resolve("settings.json")).replaceAll("\\s", "");
        } catch (java.io.IOException e) {
            return "";
        }
    }

    void startApp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SkiffApp.class);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Stops the app the way closing it does (its stores flush). */
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            app = null;
        }
    }

    Stage stage() {
        return stage;
    }

    TabPane sessions() {
        return robot.lookup("#sessions").queryAs(TabPane.class);
    }

    TerminalTab tab(int i) {
        return (TerminalTab) sessions().getTabs().get(i);
    }

    /** Whether a visible node matches {@code query} (in any window). */
    boolean present(String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
    }

    private static boolean isHostCell(Node n, String label) {
        return n instanceof TreeCell<?> c && c.getItem() instanceof SidebarEntry e && e.name().equals(label);
    }

    /** Waits for the sidebar to show the host and returns its cell. */
    Node hostCell(String label) throws Exception {
        until("'" + label + "' in the sidebar", () -> robot.lookup(".tree-cell").match(n -> isHostCell(n, label))
                .tryQuery().isPresent());
        return robot.lookup(".tree-cell").match(n -> isHostCell(n, label)).query();
    }

    /**
     * Quick-connects to the test server as the password user, answers the unknown host key with
     * the button {@code hostKeyButton} ({@code #hostkey-trust} or {@code #hostkey-connect-once})
     * and the password dialog, and returns the connected terminal (the first tab).
     */
    TerminalTab quickConnect(String hostKeyButton) throws Exception {
        robot.clickOn("#quick-connect").write(AppTestServer.PASSWORD_USER + "@127.0.0.1:" + server.port())
                .type(javafx.scene.input.KeyCode.ENTER);
        until("the unknown host key dialog", () -> present(hostKeyButton));
        robot.clickOn(hostKeyButton);
        until("the password dialog", () -> present("#password-field"));
        robot.clickOn("#password-field").write(AppTestServer.PASSWORD);
        robot.clickOn("#password-ok");
        TerminalTab t = tab(0);
        connected(t);
        return t;
    }

    void connected(TerminalTab t) throws Exception {
        until("terminal connected", () -> t.viewModel().state() == State.CONNECTED,
                () -> t.viewModel().state() + " " + t.viewModel().messageProperty().get());
    }

    /** Types {@code command} and a newline into the terminal and waits for {@code expected} in its text. */
    void run(TerminalTab t, String command, String expected) throws Exception {
        fx(() -> {
            t.typeText(command + "\n");
            return null;
        });
        until("'" + expected + "' in the terminal", () -> t.terminalText().contains(expected), t::terminalText);
    }

    @Override
    public void close() throws Exception {
        try {
            stopApp();
        } finally {
            server.close();
            System.clearProperty(AppDirs.PROPERTY);
            System.setProperty("user.home", previousHome);
        }
    }
}
