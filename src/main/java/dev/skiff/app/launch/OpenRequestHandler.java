package dev.skiff.app.launch;

/**
 * Implemented by the app: opens what a launcher asked for (a tab for a saved host, a terminal for
 * an {@code ssh://} URL, the file browser for {@code sftp://}), and brings the window to the front.
 *
 * <p>Called on the JavaFX Application Thread only; must not block (connecting happens on workers).
 */
@FunctionalInterface
public interface OpenRequestHandler {

    /** Opens {@code request}. An unknown saved-host label should be reported to the user, not thrown. */
    void open(OpenRequest request);
}
