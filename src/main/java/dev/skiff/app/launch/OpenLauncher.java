package dev.skiff.app.launch;

import dev.skiff.app.GuiLauncher;
import dev.skiff.app.sessions.AppDirs;
import dev.skiff.app.sessions.SavedHostLookup;
import java.util.Optional;

/**
 * What {@code skiff open LABEL} and {@code skiff ssh://…} / {@code skiff sftp://…} do: hand the
 * request to the running Skiff window, or start the app with it.
 *
 * <p>Loads JavaFX only when it has to start the app. Blocks (until the app exits, in that case).
 */
public final class OpenLauncher {

    private OpenLauncher() {
    }

    /**
     * Forwards or launches; returns the process exit code: 0, or 1 when the running window refused
     * the request, or no window runs and no saved host has the label (the reason is printed to
     * stderr).
     */
    public static int open(OpenRequest request) {
        SingleInstance.Forwarding sent = SingleInstance.forward(SocketLocation.defaultSocket(), request);
        if (sent.status() == SingleInstance.Forwarding.Status.ACCEPTED) {
            return 0;
        }
        if (sent.status() == SingleInstance.Forwarding.Status.REFUSED) {
            System.err.println("skiff: " + sent.reason());
            return 1;
        }
        if (request.kind() == OpenRequest.Kind.SAVED_HOST
                && SavedHostLookup.exists(AppDirs.current(), request.label()).equals(Optional.of(false))) {
            System.err.println("skiff: " + OpenRequest.unknownHost(request.label()));
            return 1; // as the running window would answer
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
