package dev.skiff.app.terminal;

import com.techsenger.jeditermfx.ui.TerminalCopyPasteHandler;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Copy/paste through JavaFX's system clipboard (JediTermFX's default goes through AWT, which fails
 * headless and mixes toolkits). There is no separate X11 selection: both kinds use the clipboard.
 *
 * <p>FX thread only (JediTerm calls it from key and menu handlers); other threads get nothing.
 */
final class FxClipboardHandler implements TerminalCopyPasteHandler {
    @Override
    public void setContents(String text, boolean useSystemSelectionClipboardIfAvailable) {
        if (Platform.isFxApplicationThread()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @Override
    public String getContents(boolean useSystemSelectionClipboardIfAvailable) {
        if (!Platform.isFxApplicationThread()) {
            return null;
        }
        Clipboard clipboard = Clipboard.getSystemClipboard();
        return clipboard.hasString() ? clipboard.getString() : null;
    }
}
