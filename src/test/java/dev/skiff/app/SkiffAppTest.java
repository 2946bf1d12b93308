package dev.skiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.launch.OpenRequest;
import dev.skiff.app.launch.SingleInstance;
import dev.skiff.app.launch.SocketLocation;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** GUI smoke test: the real application starts, headless (Monocle), and shows its empty state. */
class SkiffAppTest {

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Application app;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path config;
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path runtime;

    @BeforeEach
    void startApp() throws Exception {
        System.setProperty(dev.skiff.app.sessions.AppDirs.PROPERTY, config.toString());
        System.setProperty(SocketLocation.RUNTIME_DIR_PROPERTY, runtime.toString());
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SkiffApp.class);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        System.clearProperty(dev.skiff.app.sessions.AppDirs.PROPERTY);
        System.clearProperty(SocketLocation.RUNTIME_DIR_PROPERTY);
    }

    @Test
    void windowIsTitledSkiffAndShowing() {
        assertEquals("Skiff", stage.getTitle());
        assertTrue(stage.isShowing());
        assertTrue(stage.getWidth() >= 800 && stage.getHeight() >= 600,
                "default size " + stage.getWidth() + "x" + stage.getHeight());
        assertEquals(4, stage.getIcons().size());
    }

    @Test
    void theRunningAppTakesRequestsFromLaterLaunchers() throws Exception {
        java.nio.file.Path socket = runtime.resolve("skiff").resolve("skiff.sock");
        assertTrue(java.nio.file.Files.exists(socket), "the app listens on " + socket);
        // an unknown label is refused back to the launcher, which prints why and fails
        SingleInstance.Forwarding refused = SingleInstance.forward(socket, OpenRequest.savedHost("nobody"));
        assertEquals(SingleInstance.Forwarding.Status.REFUSED, refused.status());
        assertTrue(refused.reason().contains("no saved host \"nobody\""), refused.reason());
        // a URL is taken: the quick-connect path opens a tab for it
        assertTrue(SingleInstance.tryForward(socket, OpenRequest.parseUrl("ssh://nobody@127.0.0.1:1")));
        dev.skiff.app.testing.FxWait.until("a tab for the URL",
                () -> !robot.lookup("#sessions").queryAs(TabPane.class).getTabs().isEmpty());
        FxToolkit.cleanupApplication(app);
        app = null;
        assertTrue(java.nio.file.Files.notExists(socket), "the socket is removed when the app stops");
    }

    @Test
    void emptyStateShowsThePlaceholder() {
        Label title = robot.lookup("#welcome-title").queryAs(Label.class);
        assertEquals("Welcome to Skiff", title.getText());
        assertTrue(title.isVisible() && robot.lookup("#welcome").query().isVisible());
        assertTrue(robot.lookup("#sessions").queryAs(TabPane.class).getTabs().isEmpty());
    }
}
