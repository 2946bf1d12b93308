package dev.skiff.app;

import static dev.skiff.app.testing.FxWait.fx;
import static dev.skiff.app.testing.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.sessions.AuthPreference;
import dev.skiff.app.sftp.FileEntry;
import dev.skiff.app.sftp.PaneViewModel;
import dev.skiff.app.sftp.SftpBrowserTab;
import dev.skiff.app.terminal.TerminalTab;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.app.testing.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The file browser opened the three ways the app offers, in the real app (Monocle) against a real
 * server (Skiff's server mode, SFTP over the whole file system): a saved host's "Open files", beside
 * a terminal on the same connection (no new login; it starts in, and follows, the shell's directory,
 * asked over the connection or announced with OSC 7), and {@code sftp://} quick connect with a path.
 */
class AppFilesIT {
    @TempDir
    Path dir;
    private Path files;
    private AppFixture app;
    private FxRobot robot;
    private AppTestServer server;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(dir.resolve("files/deep/er"));
        files = dir.resolve("files").toRealPath();
        Files.createDirectories(files.resolve("announced"));
        Files.writeString(files.resolve("readme.txt"), "hello");
        app = new AppFixture(dir, Path.of("/"));
        robot = app.robot;
        server = app.server;
        app.saveHosts(List.of(app.host("Files box", AppTestServer.PASSWORD_USER, AuthPreference.PASSWORD, "")));
        app.startApp();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    private TabPane sessions() {
        return app.sessions();
    }

    private Tab tab(int i) {
        List<Tab> tabs = List.copyOf(sessions().getTabs());
        return tabs.size() > i ? tabs.get(i) : null;
    }

    private boolean present(String query) {
        return app.present(query);
    }

    private Node hostCell(String label) throws Exception {
        return app.hostCell(label);
    }

    private SftpBrowserTab browser(int i) throws Exception {
        until("a file browser in tab " + i, () -> tab(i) instanceof SftpBrowserTab,
                () -> sessions().getTabs() + " status: " + robot.lookup("#status").queryLabeled().getText());
        return (SftpBrowserTab) tab(i);
    }

    private static void showing(PaneViewModel pane, String path, String child) throws Exception {
        until("the remote pane at " + path + " listing " + child, () -> pane.path().equals(path)
                && List.copyOf(pane.entries()).stream().map(FileEntry::name).anyMatch(child::equals),
                () -> pane.path() + " " + pane.entries().stream().map(FileEntry::name).toList() + " " + pane.errorProperty().get());
    }

    private static void at(PaneViewModel pane, String path) throws Exception {
        until("the remote pane at " + path, () -> pane.path().equals(path),
                () -> pane.path() + " " + pane.errorProperty().get());
    }

    private void type(TerminalTab t, String text) throws Exception {
        fx(() -> {
            t.typeText(text);
            return null;
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void openFilesFromASavedHostBesideATerminalAndBySftpUrl() throws Exception {
        // 1. the saved host's context menu: Open files (host key and password asked once)
        // (Monocle's robot does not turn a secondary click into a context-menu request: show it)
        Node cell = hostCell("Files box");
        robot.clickOn(cell);
        robot.interact(() -> ((TreeCell<?>) cell).getContextMenu().show(cell, javafx.geometry.Side.BOTTOM, 20, 0));
        robot.clickOn("Open files");
        until("the unknown host key dialog", () -> present("#hostkey-trust"));
        robot.clickOn("#hostkey-trust");
        until("the password dialog", () -> present("#password-field"));
        robot.clickOn("#password-field").write(AppTestServer.PASSWORD);
        robot.clickOn("#password-ok");
        SftpBrowserTab first = browser(0);
        fx(() -> first.viewModel().remote().navigate(files.toString()));
        showing(first.viewModel().remote(), files.toString(), "readme.txt");
        assertEquals(1, server.authSuccesses());

        // 2. a terminal to the same host shares the browser's connection
        robot.doubleClickOn(hostCell("Files box"));
        until("a terminal tab", () -> tab(1) instanceof TerminalTab);
        TerminalTab terminal = (TerminalTab) tab(1);
        app.connected(terminal);
        assertEquals(1, server.authSuccesses());
        assertEquals(1, server.connectionCount());

        // 3. Open files beside the terminal: starts in the shell's directory (asked over the connection)
        type(terminal, "cd '" + files.resolve("deep") + "' && echo in-$((40+2))\n");
        until("the shell in deep", () -> terminal.terminalText().contains("in-42"), terminal::terminalText);
        robot.clickOn("#open-files");
        SftpBrowserTab beside = browser(2);
        showing(beside.viewModel().remote(), files.resolve("deep").toString(), "er");
        until("the keyboard in the remote pane", () -> beside.view().lookup("#remote-table").isFocused());
        assertFalse(present("#password-field"));
        assertEquals(1, server.authSuccesses());
        Screenshots.save(robot.lookup("#sessions").query(), "app-files-beside-terminal");

        // 4. Follow terminal after the shell moved; an OSC 7 announcement wins over asking
        fx(() -> {
            sessions().getSelectionModel().select(terminal);
            return null;
        });
        type(terminal, "cd er && echo now-$((6*7))\n");
        until("the shell in er", () -> terminal.terminalText().contains("now-42"), terminal::terminalText);
        fx(() -> {
            sessions().getSelectionModel().select(beside);
            return null;
        });
        robot.clickOn("#remote-follow");
        at(beside.viewModel().remote(), files.resolve("deep/er").toString());
        fx(() -> {
            sessions().getSelectionModel().select(terminal);
            return null;
        });
        type(terminal, "printf '\\033]7;file://%s%s\\007' \"$(hostname)\" '" + files.resolve("announced")
                + "'; echo osc-$((1+1))\n");
        until("the announcement", () -> terminal.terminalText().contains("osc-2"), terminal::terminalText);
        fx(() -> {
            sessions().getSelectionModel().select(beside);
            return null;
        });
        robot.clickOn("#remote-follow");
        at(beside.viewModel().remote(), files.resolve("announced").toString());

        // transfer options chosen in one browser are where the next one starts, and are saved
        fx(() -> {
            ((ChoiceBox<Long>) beside.getContent().lookup("#transfer-limit")).setValue(1L << 20);
            return null;
        });
        until("the options saved", () -> app.savedSettings().contains("\"limit\":1048576"), app::savedSettings);

        // 5. sftp:// quick connect with a path: a connection of its own, the path opened
        robot.clickOn("#quick-connect").write("sftp://" + AppTestServer.PASSWORD_USER + "@127.0.0.1:" + server.port()
                + files).type(KeyCode.ENTER);
        until("the password dialog", () -> present("#password-field"));
        assertFalse(present("#hostkey-dialog"), "the key was saved at the first connection");
        robot.clickOn("#password-field").write(AppTestServer.PASSWORD);
        robot.clickOn("#password-ok");
        SftpBrowserTab quick = browser(3);
        showing(quick.viewModel().remote(), files.toString(), "readme.txt");
        assertEquals(2, server.connectionCount());
        assertEquals(1L << 20, quick.viewModel().settingsProperty().get().limit());

        // closing every tab closes both connections
        fx(() -> {
            List.copyOf(sessions().getTabs()).forEach(t -> {
                sessions().getTabs().remove(t);
                if (t.getOnClosed() != null) {
                    t.getOnClosed().handle(null);
                }
            });
            return null;
        });
        until("the connections to close", () -> server.connectionCount() == 0);
    }

    @Test
    void aBrowserWhoseConnectionDiesOffersToReconnectWhereItWas() throws Exception {
        Node cell = hostCell("Files box");
        robot.clickOn(cell);
        robot.interact(() -> ((TreeCell<?>) cell).getContextMenu().show(cell, javafx.geometry.Side.BOTTOM, 20, 0));
        robot.clickOn("Open files");
        until("the unknown host key dialog", () -> present("#hostkey-trust"));
        robot.clickOn("#hostkey-trust");
        until("the password dialog", () -> present("#password-field"));
        robot.clickOn("#password-field").write(AppTestServer.PASSWORD);
        robot.clickOn("#password-ok");
        SftpBrowserTab first = browser(0);
        fx(() -> first.viewModel().remote().navigate(files.resolve("deep").toString()));
        showing(first.viewModel().remote(), files.resolve("deep").toString(), "er");

        int port = server.port();
        server.close(); // the server goes away: the browser's connection closes
        until("the disconnected placeholder", () -> present("#connecting-retry"),
                () -> String.valueOf(sessions().getTabs()));
        assertTrue(robot.lookup("#connecting-error").queryLabeled().getText().contains("Files box"),
                robot.lookup("#connecting-error").queryLabeled().getText());
        assertEquals("Files box", fx(() -> sessions().getTabs().get(0).getText()));
        Thread.sleep(500); // a layout pass for the new tab's header before the screenshot
        Screenshots.save(robot.lookup("#sessions").query(), "app-files-disconnected");
        try (AppTestServer again = new AppTestServer(Path.of("/"), server.hostKey(), port)) {
            robot.clickOn("#connecting-retry");
            until("the password dialog", () -> present("#password-field"));
            robot.clickOn("#password-field").write(AppTestServer.PASSWORD);
            robot.clickOn("#password-ok");
            SftpBrowserTab reopened = browser(0);
            showing(reopened.viewModel().remote(), files.resolve("deep").toString(), "er");
            assertEquals(1, again.authSuccesses());
            fx(() -> {
                app.sessions().getTabs().remove(reopened);
                reopened.getOnClosed().handle(null);
                return null;
            });
            until("the new connection to close", () -> again.connectionCount() == 0);
        }
    }
}
