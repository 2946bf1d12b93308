package dev.skiff.app.terminal;

import static dev.skiff.app.terminal.TerminalFixture.WORKERS;
import static dev.skiff.app.terminal.TerminalFixture.await;
import static dev.skiff.app.terminal.TerminalFixture.fx;
import static dev.skiff.app.terminal.TerminalFixture.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.terminal.TerminalTabViewModel.State;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.app.testing.Screenshots;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Terminal tabs against the in-process SSH server (real pty shells), headless. */
class TerminalTabTest {
    @TempDir
    static Path dir;
    private static AppTestServer server;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private TabPane tabs;
    private final TerminalSettings settings = new TerminalSettings();

    @BeforeAll
    static void startServer() throws Exception {
        server = new AppTestServer(dir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void showStage() throws Exception {
        tabs = TerminalFixture.showTabPane();
        stage = (Stage) fx(() -> tabs.getScene().getWindow());
    }

    @AfterEach
    void closeTabs() throws Exception {
        fxRun(() -> tabs.getTabs().forEach(t -> ((TerminalTab) t).close()));
        FxToolkit.cleanupStages();
    }

    private TerminalTab open(TerminalSource source) throws Exception {
        return fx(() -> {
            TerminalTab tab = new TerminalTab(source, settings, WORKERS);
            tabs.getTabs().add(tab);
            tab.connect();
            return tab;
        });
    }

    private static void run(TerminalTab tab, String command) throws Exception {
        fxRun(() -> tab.typeText(command + "\n"));
    }

    private static void awaitText(TerminalTab tab, String text) throws Exception {
        await("'" + text + "' in the terminal", () -> tab.terminalText().contains(text), tab::terminalText);
    }

    @Test
    void sshShellEchoesResizesSetsTitleRingsAndReconnects() throws Exception {
        TerminalTab tab = open(TerminalFixture.ssh(server, AppTestServer.PASSWORD));
        await("connected", () -> tab.viewModel().state() == State.CONNECTED);
        assertEquals("alice@127.0.0.1", fx(tab::getText));
        run(tab, "echo hello-$((6*7))");
        awaitText(tab, "hello-42");

        int cols = fx(tab::columns);
        fxRun(() -> stage.setWidth(stage.getWidth() - 200));
        await("fewer columns", () -> tab.columns() < cols);
        // JediTerm sends window-change 500 ms after a resize, and the layout may take more than one
        // pass to settle: ask the shell until it has the terminal's size as it is now
        String expected = null;
        String seen = null;
        for (int i = 0; i < 20 && (seen == null || !seen.equals(expected)); i++) {
            String marker = "size" + i + "=";
            run(tab, "stty size | sed 's/^/" + marker + "/'");
            await("stty size", () -> sizeAfter(tab, marker) != null, tab::terminalText);
            seen = sizeAfter(tab, marker);
            expected = fx(tab::rows) + " " + fx(tab::columns);
            Thread.sleep(250);
        }
        assertEquals(expected, seen);
        assertTrue(fx(tab::columns) < cols, "the shell sees fewer columns than before");

        run(tab, "printf '\\033]0;mytitle\\007'");
        await("title", () -> tab.getText().equals("mytitle"));

        run(tab, "printf '\\a'");
        await("bell", () -> tab.viewModel().bellProperty().get());
        assertTrue(fx(() -> robot.lookup("#terminal-bell").query().isVisible()));
        fxRun(() -> {
            javafx.scene.control.Tab other = new javafx.scene.control.Tab("other");
            tabs.getTabs().add(other);
            tabs.getSelectionModel().select(other);
        });
        assertTrue(fx(() -> tab.viewModel().bellProperty().get()), "marker stays while another tab is shown");
        fxRun(() -> {
            tabs.getSelectionModel().select(tab);
            tabs.getTabs().remove(1);
        });
        assertFalse(fx(() -> tab.viewModel().bellProperty().get()), "selecting the tab clears the marker");

        run(tab, "exit");
        await("disconnected", () -> tab.viewModel().state() == State.DISCONNECTED);
        assertTrue(fx(() -> robot.lookup("#terminal-reconnect-hint").query().isVisible()));
        fxRun(() -> Screenshots.save(tabs, "terminal-disconnected"));
        fxRun(() -> tab.terminalCanvas().fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.ENTER,
                false, false, false, false)));
        await("reconnected", () -> tab.viewModel().state() == State.CONNECTED);
        run(tab, "echo again-$((2+3))");
        awaitText(tab, "again-5");
    }

    private static String sizeAfter(TerminalTab tab, String marker) {
        Matcher m = Pattern.compile("(?m)^" + marker + "(\\d+ \\d+)").matcher(tab.terminalText());
        return m.find() ? m.group(1) : null;
    }

    @Test
    void wrongPasswordFailsWithAMessageAndRetry() throws Exception {
        TerminalTab tab = open(TerminalFixture.ssh(server, "wrong"));
        await("failed", () -> tab.viewModel().state() == State.FAILED);
        String message = fx(() -> tab.viewModel().messageProperty().get());
        assertTrue(message.startsWith("Could not open a terminal on alice@127.0.0.1: "), message);
        assertTrue(fx(() -> robot.lookup("#terminal-retry").query().isVisible()));
        assertTrue(fx(() -> robot.lookup("#terminal-error").query().isVisible()));
        fxRun(() -> Screenshots.save(tabs, "terminal-failed"));
    }

    @Test
    void cancelWhileConnectingFailsPromptly() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        TerminalTab tab = open(new SshTerminalSource("slow-host", progress -> {
            progress.accept("Key exchange");
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            throw new AssertionError("not reached");
        }));
        await("step shown", () -> tab.viewModel().stepProperty().get().equals("Key exchange"));
        fxRun(() -> Screenshots.save(tabs, "terminal-connecting"));
        robot.clickOn("#terminal-cancel");
        await("cancelled", () -> tab.viewModel().state() == State.FAILED);
        assertEquals("Cancelled connecting to slow-host.", fx(() -> tab.viewModel().messageProperty().get()));
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the worker was interrupted");
    }

    /** What is typed while the tab connects reaches the shell once it is there, as with ssh in a terminal. */
    @Test
    void typingWhileConnectingReachesTheShell() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        SshTerminalSource real = TerminalFixture.ssh(server, AppTestServer.PASSWORD);
        TerminalTab tab = open(new SshTerminalSource("held-host", new SshTerminalSource.ConnectionProvider() {
            @Override
            public dev.skiff.ssh.SshConnection connect(java.util.function.Consumer<String> progress) throws Exception {
                progress.accept("Key exchange");
                assertTrue(go.await(30, TimeUnit.SECONDS));
                return real.provider().connect(progress);
            }

            @Override
            public void release(dev.skiff.ssh.SshConnection connection) {
                connection.close();
            }
        }));
        await("step shown", () -> tab.viewModel().stepProperty().get().equals("Key exchange"));
        fxRun(() -> tab.typeText("echo typo"));
        key(tab, KeyCode.BACK_SPACE);
        key(tab, KeyCode.BACK_SPACE);
        fxRun(() -> tab.typeText("ahead-$((4+4))\n"));
        assertEquals(State.CONNECTING, fx(() -> tab.viewModel().state()));
        go.countDown();
        await("connected", () -> tab.viewModel().state() == State.CONNECTED);
        awaitText(tab, "tyahead-8"); // Backspace took back "po"
        assertFalse(fx(tab::terminalText).contains("typoahead"));
    }

    private static void key(TerminalTab tab, KeyCode code) throws Exception {
        fxRun(() -> tab.terminalCanvas().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code,
                false, false, false, false)));
    }

    /** A host's terminal profile fixes the colours; without one they follow the app's theme. */
    @Test
    void aProfileFixesTheColoursOthersFollowTheTheme() throws Exception {
        SshTerminalSource plain = TerminalFixture.ssh(server, AppTestServer.PASSWORD);
        TerminalTab red = open(new SshTerminalSource("red-host", plain.provider(), TerminalProfile.RED));
        TerminalTab themed = open(TerminalFixture.ssh(server, AppTestServer.PASSWORD));
        await("connected", () -> red.viewModel().state() == State.CONNECTED && themed.viewModel().state() == State.CONNECTED);
        fxRun(() -> settings.colorSchemeProperty().set(ColorScheme.DARK));
        assertEquals(ColorScheme.RED, fx(red::colorScheme));
        assertEquals(ColorScheme.DARK, fx(themed::colorScheme));
        fxRun(() -> settings.colorSchemeProperty().set(ColorScheme.LIGHT));
        assertEquals(ColorScheme.RED, fx(red::colorScheme));
        assertEquals(ColorScheme.LIGHT, fx(themed::colorScheme));
        fxRun(() -> tabs.getSelectionModel().select(red));
        fxRun(() -> Screenshots.save(tabs, "terminal-red-profile"));
    }

    /**
     * Pressing Ctrl or Shift alone types nothing (JediTermFX sent a NUL for each), and Skiff's own
     * Ctrl+Shift+letter shortcuts do not type their letter into the shell.
     */
    @Test
    void modifierKeysAndAppShortcutsTypeNothing() throws Exception {
        TerminalTab tab = localSh();
        run(tab, "cat -v");
        fxRun(() -> {
            var canvas = tab.terminalCanvas();
            canvas.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.CONTROL, false, true, false, false));
            canvas.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.SHIFT, true, true, false, false));
            canvas.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "Q", KeyCode.Q, true, true, false, false));
            canvas.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, "Q", "", KeyCode.UNDEFINED, true, true, false, false));
        });
        run(tab, "marker-line");
        // typed, then echoed by cat: twice, each time alone on its line
        await("the line echoed", () -> tab.terminalText().lines().map(String::strip).filter("marker-line"::equals).count() == 2,
                tab::terminalText);
        String text = fx(tab::terminalText);
        assertFalse(text.contains("^@"), text);
        assertFalse(text.contains("Qmarker"), text);
    }

    @Test
    void localShellEchoes() throws Exception {
        // a login shell as the default source starts it, but /bin/sh rather than $SHELL so the test does
        // not depend on this machine's ~/.bashrc
        TerminalTab tab = open(new LocalShellSource(List.of(AppTestServer.TEST_SHELL, "-l"), System.getenv(),
                System.getProperty("user.home")));
        await("connected", () -> tab.viewModel().state() == State.CONNECTED);
        assertEquals("Local shell", fx(tab::getText));
        run(tab, "echo local-$((7*6))");
        awaitText(tab, "local-42");
    }

    @Test
    void closingTheTabLeavesNoTerminalThreads() throws Exception {
        TerminalTab tab = open(TerminalFixture.ssh(server, AppTestServer.PASSWORD));
        await("connected", () -> tab.viewModel().state() == State.CONNECTED);
        run(tab, "echo up");
        awaitText(tab, "up");
        fxRun(() -> {
            tab.close();
            tabs.getTabs().remove(tab);
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end && terminalThreads() > 0) {
            Thread.sleep(100);
        }
        assertEquals(0, terminalThreads(), "terminal threads left: " + Thread.getAllStackTraces().keySet());
    }

    private static long terminalThreads() {
        // JediTermFX's own (non-daemon) pools must not be used at all; ours must end with the tab
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive()
                && (t.getName().startsWith("JediTerm") || t.getName().startsWith("skiff-term-")
                || t.getName().startsWith("TerminalEmulator-"))).count();
    }

    private static void key(TerminalTab tab, KeyCode code, boolean shift) throws Exception {
        fxRun(() -> tab.terminalCanvas().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code,
                shift, true, false, false)));
    }

    private static void setClipboard(String text) throws Exception {
        fxRun(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private TerminalTab localSh() throws Exception {
        TerminalTab tab = open(new LocalShellSource(List.of("/bin/sh"), System.getenv(), dir.toString()));
        await("connected", () -> tab.viewModel().state() == State.CONNECTED);
        return tab;
    }

    @Test
    void pasteAsksForMultipleLinesAndCopyUsesTheFxClipboard() throws Exception {
        TerminalTab tab = localSh();
        setClipboard("echo pasted-$((1+1))");
        key(tab, KeyCode.V, true);
        run(tab, "");
        awaitText(tab, "pasted-2");

        setClipboard("echo line-$((1+10))\necho line-$((2+20))\n");
        key(tab, KeyCode.V, true);
        await("paste confirmation", () -> robot.lookup("#paste-confirm").query().isVisible());
        assertFalse(fx(tab::terminalText).contains("line-11"));
        robot.clickOn("#paste-confirm-ok");
        awaitText(tab, "line-22");
        await("confirmation hidden", () -> !robot.lookup("#paste-confirm").query().isVisible());

        setClipboard("echo never\necho pasted\n");
        key(tab, KeyCode.V, true);
        await("paste confirmation", () -> robot.lookup("#paste-confirm").query().isVisible());
        robot.clickOn("#paste-confirm-cancel");
        await("confirmation hidden", () -> !robot.lookup("#paste-confirm").query().isVisible());

        fxRun(tab::selectAll);
        key(tab, KeyCode.C, true);
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(copied.contains("line-22") && copied.contains("pasted-2"), copied);
        assertFalse(fx(tab::terminalText).contains("never"));
    }

    @Test
    void ctrlPlusMinusZeroZoom() throws Exception {
        TerminalTab tab = localSh();
        int cols = fx(tab::columns);
        key(tab, KeyCode.EQUALS, false);
        key(tab, KeyCode.EQUALS, false);
        assertEquals(TerminalSettings.DEFAULT_FONT_SIZE + 2, settings.fontSizeProperty().get());
        await("fewer columns after zoom in", () -> tab.columns() < cols);
        key(tab, KeyCode.MINUS, false);
        assertEquals(TerminalSettings.DEFAULT_FONT_SIZE + 1, settings.fontSizeProperty().get());
        key(tab, KeyCode.DIGIT0, false);
        assertEquals(TerminalSettings.DEFAULT_FONT_SIZE, settings.fontSizeProperty().get());
        await("columns back", () -> tab.columns() == cols);
    }

    @Test
    void screenshotsInLightAndDarkSchemes() throws Exception {
        TerminalTab tab = open(TerminalFixture.ssh(server, AppTestServer.PASSWORD));
        await("connected", () -> tab.viewModel().state() == State.CONNECTED);
        run(tab, "PS1='\\[\\e[1;32m\\]alice@skiff\\[\\e[0m\\]:\\[\\e[1;34m\\]~\\[\\e[0m\\]$ '; "
                + "printf '\\033]0;alice@skiff: ~\\007'; clear");
        run(tab, "ls --color=always -F / /usr/lib/jvm; ls -l --color=always /usr/bin | head -6; echo done-$((3*3))");
        awaitText(tab, "done-9");
        Thread.sleep(300);
        fxRun(() -> Screenshots.save(tabs, "terminal-light"));
        fxRun(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            settings.colorSchemeProperty().set(ColorScheme.DARK);
        });
        run(tab, "echo dark-$((4*4))");
        awaitText(tab, "dark-16");
        Thread.sleep(300);
        fxRun(() -> Screenshots.save(tabs, "terminal-dark"));
        fxRun(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
    }

    @Test
    void findIsOnCtrlShiftFAndCtrlFGoesToTheShell() throws Exception {
        TerminalTab tab = localSh();
        key(tab, KeyCode.F, false);
        Thread.sleep(200);
        assertEquals(0, fx(() -> robot.lookup(".text-field").queryAll().size()), "Ctrl+F opened no find bar");
        key(tab, KeyCode.F, true);
        await("find bar", () -> !robot.lookup(".text-field").queryAll().isEmpty());
    }

    @Test
    void lostConnectionShowsDisconnected(@TempDir Path other) throws Exception {
        TerminalTab tab;
        try (AppTestServer own = new AppTestServer(other)) {
            tab = open(TerminalFixture.ssh(own, AppTestServer.PASSWORD));
            await("connected", () -> tab.viewModel().state() == State.CONNECTED);
            run(tab, "echo before-$((5*5))");
            awaitText(tab, "before-25");
        }
        await("disconnected", () -> tab.viewModel().state() == State.DISCONNECTED);
        assertTrue(fx(tab::terminalText).contains("before-25"), "the old output stays");
    }
}
