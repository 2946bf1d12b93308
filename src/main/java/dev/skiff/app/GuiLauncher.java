package dev.skiff.app;

import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * The only door from {@link dev.skiff.Main} to JavaFX. Kept separate so that the launcher itself holds
 * no JavaFX reference and the CLI path never loads a JavaFX class.
 */
public final class GuiLauncher {

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on
     * every start. Running on the class path is a deliberate choice (DESIGN.md §1), so the warning
     * is noise. Held in a field because the logging framework only keeps weak references.
     */
    private static final Logger PLATFORM_LOGGER = Logger.getLogger("com.sun.javafx.application.PlatformImpl");

    private GuiLauncher() {
    }

    /** Starts the JavaFX runtime and blocks until the last window is closed. */
    public static void launch(String[] args) {
        PLATFORM_LOGGER.setLevel(Level.SEVERE);
        Application.launch(SkiffApp.class, args);
    }
}
