package dev.skiff.app.interaction;

import atlantafx.base.theme.PrimerLight;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Base of the dialog GUI tests: headless FX toolkit with the AtlantaFX theme, one worker thread. */
abstract class FxGuiTestSupport {
    static final int WAIT_SECONDS = 30;

    final FxRobot robot = new FxRobot();
    final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-worker");
        t.setDaemon(true);
        return t;
    });

    @BeforeEach
    void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void closeDialogs() throws Exception {
        worker.shutdownNow();
        FxToolkit.setupFixture(() -> Window.getWindows().stream().toList().forEach(Window::hide));
    }

    /** Waits until a node with this CSS selector is showing, and returns it. */
    <T extends Node> T await(String query) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> find(query).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).query();
    }

    Optional<Node> find(String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing());
    }

    /** Waits until no node with this selector is showing. */
    void awaitGone(String query) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> find(query).isEmpty());
    }
}
