package dev.skiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @BeforeEach
    void startApp() throws Exception {
        System.setProperty(dev.skiff.app.sessions.AppDirs.PROPERTY, config.toString());
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SkiffApp.class);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty(dev.skiff.app.sessions.AppDirs.PROPERTY);
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
    void emptyStateShowsThePlaceholder() {
        Label title = robot.lookup("#welcome-title").queryAs(Label.class);
        assertEquals("Welcome to Skiff", title.getText());
        assertTrue(title.isVisible() && robot.lookup("#welcome").query().isVisible());
        assertTrue(robot.lookup("#sessions").queryAs(TabPane.class).getTabs().isEmpty());
    }
}
