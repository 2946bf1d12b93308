package dev.skiff.app.terminal;

import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.TerminalAction;
import com.techsenger.jeditermfx.ui.TerminalCopyPasteHandler;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * JediTermFX's panel with the JavaFX clipboard, the title (OSC 0/2) and bell reported to listeners
 * instead of AWT, a guarded paste (the multi-line confirmation) and live font changes.
 *
 * <p>{@link #setWindowTitle} and {@link #beep} arrive on the emulator thread; the listeners are
 * called there and must hop to the FX thread themselves.
 */
final class SkiffTerminalPanel extends TerminalPanel {
    private volatile Consumer<String> titleListener = t -> { };
    private volatile Runnable bellListener = () -> { };
    private volatile Runnable pasteAction = this::handlePaste;

    SkiffTerminalPanel(SettingsProvider settings, TerminalTextBuffer buffer, StyleState style) {
        super(settings, buffer, style);
    }

    @Override
    protected TerminalCopyPasteHandler createCopyPasteHandler() {
        return new FxClipboardHandler();
    }

    void setTitleListener(Consumer<String> listener) {
        titleListener = listener;
    }

    void setBellListener(Runnable listener) {
        bellListener = listener;
    }

    /** What Ctrl+Shift+V and the menu's Paste do (default: paste at once). */
    void setPasteAction(Runnable action) {
        pasteAction = action;
    }

    @Override
    public void setWindowTitle(String title) {
        super.setWindowTitle(title);
        titleListener.accept(title);
    }

    @Override
    public void beep() {
        bellListener.run();
    }

    /** FX thread: re-reads the font from the settings provider and resizes the terminal to fit. */
    void refreshFont() {
        reinitFontAndResize();
        repaint();
    }

    @Override
    public List<TerminalAction> getActions() {
        List<TerminalAction> actions = new ArrayList<>();
        for (TerminalAction a : super.getActions()) {
            if (a.getName().equals("Paste")) {
                a = new TerminalAction(a.getPresentation(), e -> {
                    pasteAction.run();
                    return true;
                });
            }
            actions.add(a);
        }
        return actions;
    }
}
