package dev.skiff.app;

import static dev.skiff.app.testing.FxWait.fx;
import static dev.skiff.app.testing.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.launch.AppInstance;
import dev.skiff.app.launch.OpenRequest;
import dev.skiff.app.launch.SocketLocation;
import dev.skiff.app.sessions.AppDirs;
import dev.skiff.app.sessions.AuthPreference;
import dev.skiff.app.sessions.HostStore;
import dev.skiff.app.sessions.SavedHost;
import dev.skiff.app.terminal.TerminalTab;
import dev.skiff.app.terminal.TerminalTabViewModel.State;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.app.testing.Screenshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Single instance end to end: the real app runs (Monocle) with its own runtime directory; a second
 * process, {@code java dev.skiff.Main open LABEL} (what the installed {@code skiff open} runs),
 * hands its request over and exits 0, and the first instance opens the tab and logs in to a real
 * SSH server. Also an unknown label (a message in the app), an {@code ssh://} URL (a terminal)
 * and an {@code sftp://} URL with a path (the file browser there).
 */
class OpenInRunningAppIT {
    private static final String LABEL = "Build box";

    @TempDir
    Path dir;
    private Path config;
    private Path runtime;
    private AppTestServer server;
    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void start() throws Exception {
        config = dir.resolve("config");
        runtime = Files.createDirectory(dir.resolve("run"));
        Files.createDirectories(dir.resolve("files"));
        server = new AppTestServer(dir.resolve("files"));
        try (HostStore hosts = HostStore.open(new AppDirs(config))) {
            hosts.put(new SavedHost(null, LABEL, server.host(), server.port(), AppTestServer.PASSWORD_USER,
                    AuthPreference.PASSWORD, "", "", "", Map.of(), List.of(), 0, "", ""));
        }
        System.setProperty(AppDirs.PROPERTY, config.toString());
        System.setProperty(SocketLocation.RUNTIME_DIR_PROPERTY, runtime.toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SkiffApp.class);
        WaitForAsyncUtils.waitForFxEvents();
        until("the main window", stage::isShowing);
        assertTrue(Files.exists(runtime.resolve("skiff").resolve("skiff.sock")), "the app listens on its socket");
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
        server.close();
        System.clearProperty(AppDirs.PROPERTY);
        System.clearProperty(SocketLocation.RUNTIME_DIR_PROPERTY);
        assertTrue(Files.notExists(runtime.resolve("skiff").resolve("skiff.sock")), "the socket is removed on exit");
    }

    @Test
    void skiffOpenLabelOpensTheSavedHostInTheRunningApp() throws Exception {
        launch("open", LABEL);
        until("a tab for the host", () -> sessions().getTabs().size() == 1);
        assertEquals(LABEL, fx(() -> tab(0).getText()));
        until("the unknown host key dialog", () -> present("#hostkey-fingerprint"));
        assertTrue(robot.lookup("#hostkey-fingerprint").queryLabeled().getText().contains(server.hostKeyFingerprint()));
        robot.clickOn("#hostkey-trust");
        logInWithPassword(tab(0));
        run(tab(0), "echo opened-$((40+2))", "opened-42");
        Thread.sleep(1000); // let the terminal repaint before the screenshot
        Screenshots.save(robot.lookup("#sessions").query().getScene().getRoot(), "app-skiff-open");

        // again: a second tab on the same connection, no new login
        launch("open", LABEL.toUpperCase());
        until("a second tab", () -> sessions().getTabs().size() == 2);
        until("the second tab connected", () -> tab(1).viewModel().state() == State.CONNECTED);
        assertEquals(1, server.authSuccesses());
    }

    @Test
    void anUnknownLabelFailsInTheTerminalAndOpensNothing() throws Exception {
        String output = launch(1, "open", "no-such-label");
        assertTrue(output.contains("skiff: no saved host \"no-such-label\""), output);
        Thread.sleep(500);
        assertTrue(sessions().getTabs().isEmpty());
        assertFalse(present("#message-dialog"));
    }

    @Test
    void theRequestAProcessStartedWithIsOpenedOnceTheWindowIsUp() throws Exception {
        // what `skiff open LABEL` does when no instance runs: it starts the app with the request
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        FxToolkit.registerPrimaryStage();
        AppInstance.setInitialRequest(OpenRequest.savedHost(LABEL));
        app = FxToolkit.setupApplication(SkiffApp.class);
        until("a tab for the host", () -> sessions().getTabs().size() == 1);
        assertEquals(LABEL, fx(() -> tab(0).getText()));
        until("the unknown host key dialog", () -> present("#hostkey-cancel"));
        robot.clickOn("#hostkey-cancel");
        until("the tab to fail", () -> tab(0).viewModel().state() == State.FAILED);
    }

    @Test
    void anSshUrlOpensATerminalInTheRunningApp() throws Exception {
        String target = AppTestServer.PASSWORD_USER + "@127.0.0.1:" + server.port();
        launch("ssh://" + target);
        until("a tab for the URL", () -> sessions().getTabs().size() == 1);
        assertEquals(target, fx(() -> tab(0).getText()));
        until("the unknown host key dialog", () -> present("#hostkey-connect-once"));
        robot.clickOn("#hostkey-connect-once");
        logInWithPassword(tab(0));
        run(tab(0), "echo url-$((6*7))", "url-42");
    }

    @Test
    void anSftpUrlOpensTheFileBrowserAtItsPathInTheRunningApp() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("files").resolve("sub dir"));
        Files.writeString(sub.resolve("inside.txt"), "x");
        String target = AppTestServer.PASSWORD_USER + "@127.0.0.1:" + server.port();
        launch("sftp://" + target + "/sub%20dir");
        until("the unknown host key dialog", () -> present("#hostkey-connect-once"));
        robot.clickOn("#hostkey-connect-once");
        until("the password dialog", () -> present("#password-field"));
        robot.clickOn("#password-field").write(AppTestServer.PASSWORD);
        robot.clickOn("#password-ok");
        until("a file browser", () -> sessions().getTabs().size() == 1
                && sessions().getTabs().get(0) instanceof dev.skiff.app.sftp.SftpBrowserTab);
        var remote = ((dev.skiff.app.sftp.SftpBrowserTab) sessions().getTabs().get(0)).viewModel().remote();
        until("the remote pane at /sub dir", () -> "/sub dir".equals(remote.path())
                && List.copyOf(remote.entries()).stream().anyMatch(e -> e.name().equals("inside.txt")),
                () -> remote.path() + " " + remote.errorProperty().get());
    }

    /** Runs {@code java dev.skiff.Main ARGS} as a second process; it must hand over and exit 0. */
    private void launch(String... args) throws Exception {
        launch(0, args);
    }

    /** Runs {@code java dev.skiff.Main ARGS} as a second process, expecting {@code exitCode}; returns its output. */
    private String launch(int exitCode, String... args) throws Exception {
        Path output = dir.resolve("launcher.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-D" + AppDirs.PROPERTY + "=" + config,
                "-cp", testClassPath(), "dev.skiff.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true).redirectOutput(output.toFile());
        Process process = pb.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "skiff " + String.join(" ", args) + " did not exit");
        } finally {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(exitCode, process.exitValue(), text);
        return text;
    }

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }

    private void logInWithPassword(TerminalTab t) throws Exception {
        until("the password dialog", () -> present("#password-field"));
        robot.clickOn("#password-field").write(AppTestServer.PASSWORD);
        robot.clickOn("#password-ok");
        until("terminal connected", () -> t.viewModel().state() == State.CONNECTED,
                () -> t.viewModel().state() + " " + t.viewModel().messageProperty().get());
    }

    private void run(TerminalTab t, String command, String expected) throws Exception {
        fx(() -> {
            t.typeText(command + "\n");
            return null;
        });
        until("'" + expected + "' in the terminal", () -> t.terminalText().contains(expected), t::terminalText);
    }

    private TabPane sessions() {
        return robot.lookup("#sessions").queryAs(TabPane.class);
    }

    private TerminalTab tab(int i) {
        return (TerminalTab) sessions().getTabs().get(i);
    }

    private boolean present(String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
    }
}
