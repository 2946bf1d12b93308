package dev.skiff.app.terminal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.paint.Color;

/**
 * State of one terminal tab: the connection state (with the current step while connecting and the
 * message when failed), the tab title (the terminal's OSC 0/2 title, else the source's name), the
 * bell marker and the status dot's colour. Each connection attempt gets a number so that results of
 * an abandoned (cancelled, superseded) attempt are ignored.
 *
 * <p>FX thread only. No UI: unit-tested directly.
 */
public final class TerminalTabViewModel {
    /** Connection states shown in the tab. */
    public enum State { CONNECTING, CONNECTED, FAILED, DISCONNECTED }

    static final int MAX_TITLE = 60;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CONNECTING);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper failureTitle = new ReadOnlyStringWrapper(this, "failureTitle", "");
    private final ReadOnlyStringWrapper terminalTitle = new ReadOnlyStringWrapper(this, "terminalTitle", "");
    private final ReadOnlyBooleanWrapper bell = new ReadOnlyBooleanWrapper(this, "bell");
    private final String displayName;
    private final StringBinding title;
    private final ObjectBinding<Color> statusColor;
    private long attempt;

    public TerminalTabViewModel(String displayName) {
        this.displayName = displayName;
        title = Bindings.createStringBinding(
                () -> terminalTitle.get().isBlank() ? displayName : terminalTitle.get(), terminalTitle);
        statusColor = Bindings.createObjectBinding(() -> colorOf(state.get()), state);
    }

    static Color colorOf(State s) {
        return switch (s) {
            case CONNECTING -> Color.web("#d29922");
            case CONNECTED -> Color.web("#2da44e");
            case FAILED -> Color.web("#cf222e");
            case DISCONNECTED -> Color.web("#8c959f");
        };
    }

    /** Starts a new attempt (state CONNECTING) and returns its number. */
    public long beginConnecting() {
        attempt++;
        message.set("");
        step.set("Connecting…");
        state.set(State.CONNECTING);
        return attempt;
    }

    /** Whether {@code id} is still the attempt the tab waits for. */
    public boolean isCurrent(long id) {
        return id == attempt;
    }

    /** A progress step of attempt {@code id} (ignored when stale). */
    public void progress(long id, String text) {
        if (isCurrent(id) && state.get() == State.CONNECTING) {
            step.set(Controls.visible(text));
        }
    }

    public void connected(long id) {
        if (isCurrent(id)) {
            state.set(State.CONNECTED);
        }
    }

    /** Attempt {@code id} failed with {@code cause} (ignored when stale). */
    public void failed(long id, Throwable cause) {
        if (isCurrent(id)) {
            message.set(failureMessage(displayName, cause));
            failureTitle.set(message.get().startsWith("Cancelled") ? "Cancelled" : "Connection failed");
            state.set(State.FAILED);
        }
    }

    /** The user cancelled the current attempt: FAILED at once; the attempt's late result is ignored. */
    public void cancelled() {
        attempt++;
        message.set("Cancelled connecting to " + displayName + ".");
        failureTitle.set("Cancelled");
        state.set(State.FAILED);
    }

    /** The connected session {@code id} ended (the shell exited or the connection dropped). */
    public void disconnected(long id) {
        if (isCurrent(id) && state.get() == State.CONNECTED) {
            state.set(State.DISCONNECTED);
        }
    }

    /** Abandons any attempt (the tab is closing). */
    public void abandon() {
        attempt++;
    }

    /** The terminal set its title (OSC 0/2): control characters are made visible, length capped. */
    public void terminalTitleChanged(String newTitle) {
        String t = Controls.visible(newTitle == null ? "" : newTitle.strip());
        terminalTitle.set(t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE - 1) + "…" : t);
    }

    public void bell() {
        bell.set(true);
    }

    public void clearBell() {
        bell.set(false);
    }

    /** The user-facing text: what failed, on which host, and the cause. */
    static String failureMessage(String displayName, Throwable cause) {
        Throwable c = cause;
        while ((c instanceof ExecutionException || c instanceof CompletionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof InterruptedException) {
            return "Cancelled connecting to " + displayName + ".";
        }
        String detail = c.getMessage() == null || c.getMessage().isBlank() ? c.getClass().getSimpleName() : c.getMessage();
        return "Could not open a terminal on " + displayName + ": " + Controls.visible(detail);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** The step being done while CONNECTING. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The failure message while FAILED. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "Connection failed" or "Cancelled", while FAILED. */
    public ReadOnlyStringProperty failureTitleProperty() {
        return failureTitle.getReadOnlyProperty();
    }

    public ObservableValue<String> titleProperty() {
        return title;
    }

    public String title() {
        return title.get();
    }

    public ReadOnlyBooleanProperty bellProperty() {
        return bell.getReadOnlyProperty();
    }

    public ObservableValue<Color> statusColorProperty() {
        return statusColor;
    }

    public String displayName() {
        return displayName;
    }
}
