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
     * is noise, and only that message is filtered out of JavaFX's "javafx" logger. Held in a field
     * because the logging framework only keeps weak references to loggers.
     */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");

    private GuiLauncher() {
    }

    /** Starts the JavaFX runtime and blocks until the last window is closed. */
    public static void launch(String[] args) {
        JAVAFX_LOGGER.setFilter(record -> record.getLevel().intValue() > Level.WARNING.intValue()
                || record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(SkiffApp.class, args);
    }
}
