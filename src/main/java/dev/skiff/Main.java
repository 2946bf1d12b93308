package dev.skiff;

import dev.skiff.cli.SkiffCommand;

/**
 * Launcher. Without arguments it starts the desktop app; with arguments it runs the command line.
 *
 * <p>This class deliberately does not extend {@code javafx.application.Application} (the app runs on
 * the class path, where a JavaFX main class would be refused) and must not reference JavaFX types:
 * the CLI path has to work without a display and without loading any JavaFX class. The GUI is
 * reached only through {@link dev.skiff.app.GuiLauncher}, which is loaded on the no-argument path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.skiff.app.GuiLauncher.launch(args);
            return;
        }
        System.exit(SkiffCommand.execute(args));
    }
}
