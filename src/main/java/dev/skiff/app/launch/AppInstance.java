package dev.skiff.app.launch;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * The app's side of the launcher: the request the process was started with, and the listener that
 * receives requests from later launchers ({@link SingleInstance}).
 *
 * <p>Use from {@code SkiffApp.start} (FX thread), once the main window exists:
 * {@code AutoCloseable instance = AppInstance.serve(handler);} and close it in {@code stop()}.
 */
public final class AppInstance {

    private static final AtomicReference<OpenRequest> INITIAL = new AtomicReference<>();

    private AppInstance() {
    }

    /** Set by the launcher before JavaFX starts: what this process was asked to open. Any thread. */
    public static void setInitialRequest(OpenRequest request) {
        INITIAL.set(request);
    }

    /** The request this process was started with, once (later calls: empty). Any thread. */
    public static Optional<OpenRequest> takeInitialRequest() {
        return Optional.ofNullable(INITIAL.getAndSet(null));
    }

    /**
     * Passes the start-up request (if any) to {@code handler} on the FX thread, and listens for the
     * requests of later launchers: each is first checked with {@link OpenRequestHandler#refusal}
     * (a refusal goes back to that launcher), then passed on with {@code Platform.runLater}. When the socket
     * cannot be used (another instance started at the same moment, directory not private) the app
     * works on without single-instance support; the reason goes to stderr.
     *
     * @return what to close when the app stops (removes the socket)
     */
    public static AutoCloseable serve(OpenRequestHandler handler) {
        return serve(handler, SocketLocation.defaultSocket());
    }

    /** {@link #serve(OpenRequestHandler)} on the given socket (tests). */
    static AutoCloseable serve(OpenRequestHandler handler, java.nio.file.Path socket) {
        takeInitialRequest().ifPresent(request -> Platform.runLater(() -> handler.open(request)));
        try {
            Optional<SingleInstance> listener = SingleInstance.listen(socket, request -> {
                handler.refusal(request).ifPresent(reason -> {
                    throw new SingleInstance.RefusedException(reason);
                });
                Platform.runLater(() -> handler.open(request));
            });
            if (listener.isPresent()) {
                return listener.get();
            }
            System.err.println("skiff: another Skiff window is running; this one will not receive 'skiff open' requests");
        } catch (IOException | RuntimeException e) {
            System.err.println("skiff: single-instance socket unavailable: " + e.getMessage());
        }
        return () -> { };
    }
}
