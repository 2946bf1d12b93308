package dev.skiff.app;

import dev.skiff.app.fx.Dialogs;
import dev.skiff.app.fx.FxThreads;
import dev.skiff.app.fx.UserMessage;
import dev.skiff.app.launch.OpenRequest;
import dev.skiff.app.launch.OpenRequestHandler;
import dev.skiff.app.sessions.HostStore;
import dev.skiff.app.sessions.SavedHost;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.stage.Stage;

/**
 * What the running app does with {@code skiff open LABEL}, {@code skiff ssh://…} and
 * {@code skiff sftp://…} (from a second launcher, a desktop action or a URL handler): a saved host
 * opens as if double-clicked in the sidebar, a URL goes through quick connect (so {@code sftp://}
 * opens the file browser), and the window comes to the front. A label with no saved host is
 * reported in a message dialog.
 *
 * <p>{@link #open} on the FX thread only (see {@link OpenRequestHandler}); opening never blocks,
 * connecting runs on workers. {@link #refusal} runs on the listener thread ({@link HostStore} is
 * thread-safe).
 */
final class OpenRequests implements OpenRequestHandler {

    private final HostStore hosts;
    private final Consumer<SavedHost> openHost;
    private final Consumer<String> quickConnect;
    private final Dialogs dialogs;
    private final Stage stage;

    /**
     * @param openHost     opens a terminal tab to a saved host (the sidebar's "connect")
     * @param quickConnect opens the quick-connect text ({@code ssh://…} or {@code sftp://…})
     * @param stage        the main window, brought to the front on every request
     */
    OpenRequests(HostStore hosts, Consumer<SavedHost> openHost, Consumer<String> quickConnect, Dialogs dialogs,
            Stage stage) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.openHost = Objects.requireNonNull(openHost, "openHost");
        this.quickConnect = Objects.requireNonNull(quickConnect, "quickConnect");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.stage = Objects.requireNonNull(stage, "stage");
    }

    @Override
    public void open(OpenRequest request) {
        FxThreads.requireFxThread();
        toFront();
        if (request.kind() == OpenRequest.Kind.URI) {
            quickConnect.accept(request.toUrl());
            return;
        }
        hosts.byIdOrLabel(request.label()).ifPresentOrElse(openHost,
                () -> dialogs.showMessage(unknownHost(request.label())));
    }

    /** A label no saved host has is refused, so that {@code skiff open typo} fails in the terminal. */
    @Override
    public java.util.Optional<String> refusal(OpenRequest request) {
        if (request.kind() == OpenRequest.Kind.SAVED_HOST && hosts.byIdOrLabel(request.label()).isEmpty()) {
            return java.util.Optional.of(OpenRequest.unknownHost(request.label()));
        }
        return java.util.Optional.empty();
    }

    /** The message for {@code skiff open LABEL} when no saved host has that label. */
    static UserMessage unknownHost(String label) {
        String shortLabel = label.length() > 60 ? label.substring(0, 59) + "…" : label;
        return new UserMessage("No saved host \"" + shortLabel + "\"",
                "Skiff was asked to open the saved host \"" + label + "\", but there is no saved host with that"
                        + " label.\nCheck the label in the Hosts sidebar, or use skiff ssh://user@host:port.");
    }

    private void toFront() {
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        stage.toFront();
        stage.requestFocus();
    }
}
