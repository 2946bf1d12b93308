package dev.skiff.app.terminal;

import static dev.skiff.app.terminal.TerminalFixture.WORKERS;
import static dev.skiff.app.terminal.TerminalFixture.await;
import static dev.skiff.app.terminal.TerminalFixture.fx;
import static dev.skiff.app.terminal.TerminalFixture.fxRun;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skiff.app.terminal.TerminalTabViewModel.State;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.testing.Peers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Copy and paste with the desktop's real clipboard (X11 under xvfb-run, JavaFX's GTK glass): text
 * copied from an SSH terminal with Ctrl+Shift+C is what another program ({@code xclip}) reads from
 * the CLIPBOARD selection, and what another program puts there is pasted into the shell with
 * Ctrl+Shift+V.
 */
class TerminalClipboardXvfbIT {
    @TempDir
    Path dir;
    private AppTestServer server;
    private TabPane tabs;
    private Process owner;

    @BeforeEach
    void start() throws Exception {
        server = new AppTestServer(dir);
        tabs = TerminalFixture.showTabPane();
    }

    @AfterEach
    void stop() throws Exception {
        if (owner != null) {
            owner.destroy();
            owner.waitFor(10, TimeUnit.SECONDS);
        }
        fxRun(() -> tabs.getTabs().forEach(t -> ((TerminalTab) t).close()));
        FxToolkit.cleanupStages();
        server.close();
    }

    private static void shortcut(TerminalTab tab, KeyCode code) throws Exception {
        fxRun(() -> tab.terminalCanvas().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, true, true, false, false)));
    }

    /** What another X client reads from the CLIPBOARD selection ("" when it cannot). Not on the FX thread. */
    private static String xclipOut(Path xclip) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(xclip.toString(), "-o", "-selection", "clipboard")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "";
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Polls xclip from this (test) thread, since the FX thread has to answer it, up to 30 s. */
    private static String xclipUntil(Path xclip, Predicate<String> ok) throws Exception {
        String seen = "";
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < end; Thread.sleep(100)) {
            seen = xclipOut(xclip);
            if (ok.test(seen)) {
                return seen;
            }
        }
        return fail("xclip read \"" + seen + "\"");
    }

    @Test
    void copyAndPasteGoThroughTheDesktopClipboard() throws Exception {
        Peers.requireDisplay();
        Path xclip = Peers.requirePeer("/usr/bin/xclip");
        TerminalTab tab = fx(() -> {
            TerminalTab t = new TerminalTab(TerminalFixture.ssh(server, AppTestServer.PASSWORD), new TerminalSettings(), WORKERS);
            tabs.getTabs().add(t);
            t.connect();
            return t;
        });
        await("connected", () -> tab.viewModel().state() == State.CONNECTED);
        fxRun(() -> tab.typeText("echo copy-me-$((5*5))\n"));
        await("the command's output", () -> tab.terminalText().contains("copy-me-25"), tab::terminalText);

        fxRun(tab::selectAll);
        shortcut(tab, KeyCode.C);
        String copied = xclipUntil(xclip, text -> text.contains("copy-me-25"));
        assertTrue(copied.contains("echo copy-me-$((5*5))"), copied);

        // xclip -quiet stays in the foreground as the selection's owner until it is stopped
        owner = new ProcessBuilder(xclip.toString(), "-quiet", "-i", "-selection", "clipboard")
                .redirectErrorStream(true).redirectOutput(dir.resolve("xclip.log").toFile()).start();
        try (OutputStream in = owner.getOutputStream()) {
            in.write("echo from-xclip-$((3*3))".getBytes(StandardCharsets.UTF_8));
        }
        xclipUntil(xclip, "echo from-xclip-$((3*3))"::equals);
        shortcut(tab, KeyCode.V);
        fxRun(() -> tab.typeText("\n"));
        await("the pasted command's output", () -> tab.terminalText().contains("from-xclip-9"), tab::terminalText);
    }
}
