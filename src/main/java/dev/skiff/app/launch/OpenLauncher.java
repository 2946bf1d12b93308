package dev.skiff.app.launch;

import dev.skiff.app.GuiLauncher;

/**
 * What {@code skiff open LABEL} and {@code skiff ssh://…} / {@code skiff sftp://…} do: hand the
 * request to the running Skiff window, or start the app with it.
 *
 * <p>Loads JavaFX only when it has to start the app. Blocks (until the app exits, in that case).
 */
public final class OpenLauncher {

    private OpenLauncher() {
    }

    /** Forwards or launches; returns the process exit code (0). */
    public static int open(OpenRequest request) {
        if (SingleInstance.tryForward(request)) {
            return 0;
        }
        AppInstance.setInitialRequest(request);
        GuiLauncher.launch(new String[0]);
        return 0;
    }

    /** {@code skiff ssh://…}: parses the URL; prints the reason and returns 2 when it is not valid. */
    public static int openUrl(String url) {
        OpenRequest request;
        try {
            request = OpenRequest.parseUrl(url);
        } catch (IllegalArgumentException e) {
            System.err.println("skiff: " + e.getMessage());
            return 2;
        }
        return open(request);
    }
}
