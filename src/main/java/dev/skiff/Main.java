package dev.skiff;

import dev.skiff.app.launch.OpenLauncher;
import dev.skiff.app.launch.OpenRequest;
import dev.skiff.cli.SkiffCommand;

/**
 * Launcher. Without arguments it starts the desktop app; with an {@code ssh://} or {@code sftp://}
 * URL as the first argument (a desktop URL handler) it opens that in the app; with other arguments
 * it runs the command line ({@code skiff ssh HOST} stays the command-line client).
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
        if (OpenRequest.isOpenUrl(args[0])) {
            System.exit(OpenLauncher.openUrl(args[0]));
        }
        System.exit(SkiffCommand.execute(args));
    }
}
