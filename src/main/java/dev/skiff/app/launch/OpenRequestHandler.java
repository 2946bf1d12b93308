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

    /**
     * Why a request from another launcher cannot be opened (e.g. no saved host has its label), so
     * that the launcher prints it and fails instead of handing it over; empty to accept it. Called
     * on the listener thread, not the FX thread: must be thread-safe, quick and never block.
     */
    default java.util.Optional<String> refusal(OpenRequest request) {
        return java.util.Optional.empty();
    }
}
