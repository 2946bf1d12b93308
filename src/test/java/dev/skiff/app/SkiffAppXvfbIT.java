package dev.skiff.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.testing.Peers;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application on a real X server (Xvfb) with JavaFX's GTK glass, not Monocle. */
class SkiffAppXvfbIT {
    private Stage stage;
    private Application app;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path config;

    @BeforeEach
    void startApp() throws Exception {
        Peers.requireDisplay();
        System.setProperty(dev.skiff.app.sessions.AppDirs.PROPERTY, config.toString());
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SkiffApp.class);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void startsOnTheGtkGlass() {
        assertEquals("gtk", com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName()
                .replace("Application", "").toLowerCase(java.util.Locale.ROOT));
        assertTrue(stage.isShowing());
    }
}
