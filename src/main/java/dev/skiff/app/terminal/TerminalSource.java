package dev.skiff.app.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import java.util.function.Consumer;

/**
 * Where a terminal tab gets its byte stream from: an SSH session ({@link SshTerminalSource}) or a
 * local pty ({@link LocalShellSource}). A source may be opened again after the connector it returned
 * ended (reconnect).
 */
public interface TerminalSource {
    /**
     * Connects (reporting steps such as "Connecting", "Key exchange", "Authenticating" through
     * {@code progress}), opens a terminal of {@code size} and returns its connector.
     *
     * <p>Worker thread only; blocks. Throws on failure: the exception's message is shown to the user.
     */
    TtyConnector open(TerminalSize size, Consumer<String> progress) throws Exception;

    /**
     * The user pressed Cancel while {@link #open} runs. Called on the FX thread; must not block, and
     * should make {@code open} fail promptly (the tab stops waiting for it anyway).
     */
    void cancel();

    /** A short label for the tab (e.g. the host's label), used until the terminal sets a title. */
    String displayName();

    /** The colours the terminal uses; the default follows the app's theme. */
    default TerminalProfile profile() {
        return TerminalProfile.DEFAULT;
    }
}
