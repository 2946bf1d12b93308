package dev.skiff.app;

import static dev.skiff.app.testing.FxWait.fx;
import static dev.skiff.app.testing.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.sessions.AppSettings;
import dev.skiff.app.terminal.TerminalTab;
import dev.skiff.app.terminal.TerminalTabViewModel.State;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.app.testing.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The window's own commands in the real app against a real server. File → Preferences (Ctrl+,):
 * terminal font size and scrollback are saved and reach the terminals, and choosing OpenSSH's
 * known_hosts makes "Trust and save" write there instead of Skiff's own file. File → Quit asks
 * while terminal sessions are open.
 */
class AppWindowIT {
    @TempDir
    Path dir;
    private AppFixture app;
    private FxRobot robot;

    @BeforeEach
    void start() throws Exception {
        app = new AppFixture(dir);
        robot = app.robot;
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void preferencesAreSavedAndApplied() throws Exception {
        app.startApp();
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        until("the preferences dialog", () -> app.present("#prefs-dialog"));
        fx(() -> {
            robot.lookup("#prefs-font-size").queryAs(Spinner.class).getValueFactory().setValue(18);
            robot.lookup("#prefs-scrollback").queryAs(Spinner.class).getValueFactory().setValue(5000);
            return null;
        });
        robot.clickOn("#prefs-ssh-known-hosts");
        Screenshots.save(robot.lookup("#prefs-dialog").query(), "app-preferences");
        robot.clickOn("#prefs-ok");
        until("the preferences saved", () -> app.savedSettings().contains("\"terminalFontSize\":18.0")
                && app.savedSettings().contains("\"scrollbackLines\":5000")
                && app.savedSettings().contains("\"writeToSshKnownHosts\":true"), app::savedSettings);

        // a new host key, trusted and saved, goes to ~/.ssh/known_hosts now
        AppTestServer server = app.server;
        TerminalTab t = app.quickConnect("#hostkey-trust");
        app.run(t, "echo prefs-$((3*3))", "prefs-9");
        Path ssh = app.home.resolve(".ssh/known_hosts");
        assertTrue(Files.readString(ssh).contains("[127.0.0.1]:" + server.port() + " ssh-ed25519 "
                + Base64.getEncoder().encodeToString(server.hostKey().publicKey().blob())));
        assertFalse(Files.exists(app.config.resolve("known_hosts")), "Skiff's own file is not written");
        assertEquals(18, (int) fx(t::fontSize), "the terminal uses the chosen size");

        // Cancel changes nothing
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        until("the preferences dialog", () -> app.present("#prefs-dialog"));
        assertEquals(18, (int) fx(() -> (Integer) robot.lookup("#prefs-font-size").queryAs(Spinner.class).getValue()));
        fx(() -> {
            robot.lookup("#prefs-font-size").queryAs(Spinner.class).getValueFactory().setValue(9);
            return null;
        });
        robot.clickOn("#prefs-cancel");
        until("the dialog closed", () -> !app.present("#prefs-dialog"));
        assertEquals(18, (int) fx(t::fontSize));
        app.stopApp();
        try (var store = dev.skiff.app.sessions.SettingsStore.open(new dev.skiff.app.sessions.AppDirs(app.config))) {
            AppSettings s = store.get();
            assertEquals(18, (int) s.terminalFontSize());
            assertEquals(5000, s.scrollbackLines());
            assertTrue(s.writeToSshKnownHosts());
        }
    }

    private void quitKeys() {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    /** Quitting (File → Quit, Ctrl+Shift+Q) while a terminal session is open asks first; Cancel keeps everything. */
    @Test
    void quittingWithAnOpenSessionAsksFirst() throws Exception {
        app.startApp();
        TerminalTab t = app.quickConnect("#hostkey-connect-once");

        quitKeys();
        until("the quit question", () -> app.present("#quit-dialog"));
        String question = ((javafx.scene.control.Label) robot.lookup("#quit-dialog")
                .queryAs(javafx.scene.control.DialogPane.class).getContent()).getText();
        assertEquals("1 terminal session is open. Quitting ends them.", question);
        robot.clickOn("#quit-cancel");
        until("the question gone", () -> !app.present("#quit-dialog"));
        assertTrue(fx(() -> app.stage().isShowing()), "Cancel keeps the window");
        assertEquals(State.CONNECTED, fx(() -> t.viewModel().state()));
        app.run(t, "echo still-$((2*21))", "still-42");

        quitKeys();
        until("the quit question", () -> app.present("#quit-dialog"));
        robot.clickOn("#quit-ok");
        until("the window closed", () -> !app.stage().isShowing());
    }
}
