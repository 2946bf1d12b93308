package dev.skiff.app;

import static dev.skiff.app.testing.FxWait.fx;
import static dev.skiff.app.testing.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.sessions.AuthPreference;
import dev.skiff.app.terminal.TerminalTab;
import dev.skiff.app.terminal.TerminalTabViewModel.State;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.app.testing.Screenshots;
import dev.skiff.ssh.keys.SshKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeCell;
import dev.skiff.app.sessions.SidebarEntry;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real application (Monocle) against a real SSH server (Skiff's server mode): add a host,
 * accept its key through the dialog, log in, work in the terminal, share the connection between
 * tabs, restart; changed keys refused; keyboard-interactive through the dialog; a corrupt hosts
 * file kept aside and reported.
 */
class AppEndToEndIT {
    @TempDir
    Path dir;
    private AppFixture app;
    private Path config;
    private AppTestServer server;
    private FxRobot robot;
    private Stage stage;

    @BeforeEach
    void start() throws Exception {
        app = new AppFixture(dir);
        config = app.config;
        server = app.server;
        robot = app.robot;
    }

    private void startApp() throws Exception {
        app.startApp();
        stage = app.stage();
    }

    private void stopApp() throws Exception {
        app.stopApp();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    private TabPane sessions() {
        return app.sessions();
    }

    private TerminalTab tab(int i) {
        return app.tab(i);
    }

    private boolean present(String query) {
        return app.present(query);
    }

    private static boolean isHostCell(Node n, String label) {
        return n instanceof TreeCell<?> c && c.getItem() instanceof SidebarEntry e && e.name().equals(label);
    }

    private Node hostCell(String label) throws Exception {
        return app.hostCell(label);
    }

    private void connected(TerminalTab t) throws Exception {
        app.connected(t);
    }

    private void run(TerminalTab t, String command, String expected) throws Exception {
        app.run(t, command, expected);
    }

    @Test
    void addHostTrustItsKeyLogInTypeShareTheConnectionAndRestart() throws Exception {
        startApp();
        Screenshots.save(stage.getScene().getRoot(), "main-window-welcome");
        robot.clickOn("#first-run-add");
        robot.clickOn("#host-label").write("Test box");
        robot.clickOn("#host-host").write(server.host());
        robot.doubleClickOn("#host-port").eraseText(4).write(String.valueOf(server.port()));
        robot.clickOn("#host-user").write(AppTestServer.PASSWORD_USER);
        fx(() -> {
            robot.lookup("#host-auth").<ComboBox<AuthPreference>>query().getSelectionModel()
                    .select(AuthPreference.PASSWORD);
            return null;
        });
        robot.clickOn("#host-save");
        until("the host in the sidebar", () -> robot.lookup(".tree-cell")
                .match(n -> isHostCell(n, "Test box")).tryQuery().isPresent());

        robot.doubleClickOn(hostCell("Test box"));
        until("the unknown host key dialog", () -> present("#hostkey-fingerprint"));
        assertTrue(robot.lookup("#hostkey-fingerprint").queryLabeled().getText().contains(server.hostKeyFingerprint()));
        Screenshots.save(robot.lookup("#hostkey-dialog").query(), "app-hostkey-dialog");
        robot.clickOn("#hostkey-trust");
        until("the password dialog", () -> present("#password-field"));
        robot.clickOn("#password-field").write(AppTestServer.PASSWORD);
        robot.clickOn("#password-ok");

        TerminalTab first = tab(0);
        connected(first);
        run(first, "echo hello-$((6*7))", "hello-42");
        String knownHosts = Files.readString(config.resolve("known_hosts"));
        assertTrue(knownHosts.contains("[127.0.0.1]:" + server.port() + " ssh-ed25519 "
                + Base64.getEncoder().encodeToString(server.hostKey().publicKey().blob())), knownHosts);

        // a second tab to the same host: a new channel on the same connection, no new login
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        until("a second tab", () -> sessions().getTabs().size() == 2);
        TerminalTab second = tab(1);
        connected(second);
        run(second, "echo second-$((2+3))", "second-5");
        assertEquals(1, server.authSuccesses());
        assertEquals(1, server.connectionCount());

        // resize the window: the shell sees the new size
        fx(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
            return null;
        });
        until("the terminal to follow the window", () -> second.columns() < 120);
        // the terminal sends window-change shortly after a resize (it coalesces them): ask until the
        // shell reports the size the terminal shows
        boolean seen = false;
        for (int i = 0; i < 20 && !seen; i++) {
            fx(() -> {
                second.typeText("stty size\n");
                return null;
            });
            Thread.sleep(1000);
            seen = fx(() -> second.terminalText().contains(second.rows() + " " + second.columns()));
        }
        assertTrue(seen, fx(second::terminalText));
        run(second, "ls --color=always /", "usr");
        Screenshots.save(stage.getScene().getRoot(), "main-window-terminal");

        // closing both tabs closes the connection
        fx(() -> {
            List.copyOf(sessions().getTabs()).forEach(t -> {
                sessions().getTabs().remove(t);
                t.getOnClosed().handle(null);
            });
            return null;
        });
        until("the connection to close", () -> server.connectionCount() == 0);

        // restart: the host is still there and its key is known (only the password is asked)
        stopApp();
        startApp();
        until("the host after a restart", () -> robot.lookup(".tree-cell")
                .match(n -> isHostCell(n, "Test box")).tryQuery().isPresent());
        robot.doubleClickOn(hostCell("Test box"));
        until("the password dialog", () -> present("#password-field"));
        assertFalse(present("#hostkey-dialog"));
        robot.clickOn("#password-cancel");
        until("the cancelled tab to fail", () -> tab(0).viewModel().state() == State.FAILED);
    }

    @Test
    void aChangedHostKeyIsRefused() throws Exception {
        Files.createDirectories(config);
        Files.writeString(config.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " "
                + SshKeyGenerator.generate("ssh-ed25519", 0).publicKey().toOpenSshString() + "\n");
        startApp();
        robot.clickOn("#quick-connect").write(AppTestServer.PASSWORD_USER + "@127.0.0.1:" + server.port())
                .type(KeyCode.ENTER);
        until("the changed host key warning", () -> present("#changed-hostkey-dialog"));
        assertTrue(robot.lookup("#changed-hostkey-fingerprint").queryLabeled().getText()
                .contains(server.hostKeyFingerprint()));
        Screenshots.save(robot.lookup("#changed-hostkey-dialog").query(), "app-changed-hostkey-dialog");
        robot.clickOn("#changed-hostkey-cancel");
        until("the tab to fail", () -> tab(0).viewModel().state() == State.FAILED);
        assertTrue(fx(() -> tab(0).viewModel().messageProperty().get()).toLowerCase().contains("host key"),
                fx(() -> tab(0).viewModel().messageProperty().get()));
        assertEquals(0, server.authSuccesses());
    }

    @Test
    void keyboardInteractiveRoundThroughTheDialog() throws Exception {
        startApp();
        robot.clickOn("#quick-connect").write(AppTestServer.KBDINT_USER + "@127.0.0.1:" + server.port())
                .type(KeyCode.ENTER);
        until("the unknown host key dialog", () -> present("#hostkey-connect-once"));
        robot.clickOn("#hostkey-connect-once");
        until("the keyboard-interactive dialog", () -> present("#kbdint-answer-1"));
        robot.clickOn("#kbdint-answer-0").write("wrong");
        robot.clickOn("#kbdint-answer-1").write(AppTestServer.KBDINT_CODE);
        robot.clickOn("#kbdint-ok");
        // a wrong answer: Skiff tries keyboard-interactive again (a new round) or the attempt fails;
        // either way the right answers then log in
        until("a second round or a failure", () -> present("#kbdint-answer-1") && server.keyboardInteractiveRounds() >= 2
                || tab(0).viewModel().state() == State.FAILED);
        if (fx(() -> tab(0).viewModel().state()) == State.FAILED) {
            assertTrue(fx(() -> tab(0).viewModel().messageProperty().get()).contains("Authentication failed"),
                    fx(() -> tab(0).viewModel().messageProperty().get()));
            robot.clickOn("#terminal-retry");
            until("the keyboard-interactive dialog again", () -> present("#kbdint-answer-1"));
        }
        robot.clickOn("#kbdint-answer-0").write(AppTestServer.PASSWORD);
        robot.clickOn("#kbdint-answer-1").write(AppTestServer.KBDINT_CODE);
        Screenshots.save(robot.lookup("#kbdint-dialog").query(), "app-kbdint-dialog");
        robot.clickOn("#kbdint-ok");
        TerminalTab t = tab(0);
        connected(t);
        run(t, "echo kbd-$((40+2))", "kbd-42");
        assertFalse(Files.exists(config.resolve("known_hosts")) && Files.readString(config.resolve("known_hosts"))
                .contains(String.valueOf(server.port())), "connect once writes nothing");
    }

    @Test
    void aCorruptHostsFileIsKeptAsideAndReported() throws Exception {
        Files.createDirectories(config);
        Files.writeString(config.resolve("hosts.json"), "{ this is not json");
        startApp();
        until("the problem message", () -> present("#message-dialog"));
        assertTrue(robot.lookup("#message-text").queryLabeled().getText().contains("hosts.json"),
                robot.lookup("#message-text").queryLabeled().getText());
        robot.clickOn("#message-close");
        try (Stream<Path> files = Files.list(config)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("hosts.json.corrupt")));
        }
    }
}
