package dev.skiff.app.terminal;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.emulator.ColorPalette;
import com.techsenger.jeditermfx.ui.TerminalActionPresentation;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Font;

/**
 * JediTermFX settings from {@link TerminalSettings}: font, colours, scrollback, and key bindings
 * that leave Ctrl+F and Ctrl+L to the shell (find is Ctrl+Shift+F, clear buffer Ctrl+Shift+K;
 * copy/paste stay Ctrl+Shift+C/V). The audible bell is off: the tab shows a marker instead.
 *
 * <p>Created on the FX thread; values are snapshotted into volatile fields so JediTerm's threads
 * may read them.
 */
final class SkiffSettingsProvider extends DefaultSettingsProvider {
    private volatile String fontFamily;
    private volatile int fontSize;
    private volatile ColorScheme scheme;
    private final int scrollback;
    // the default colours are looked up at paint time, so cells already written follow a scheme change
    private final TerminalColor foreground = new TerminalColor(() -> scheme.foreground().toColor());
    private final TerminalColor background = new TerminalColor(() -> scheme.background().toColor());

    SkiffSettingsProvider(TerminalSettings settings) {
        fontFamily = settings.fontFamilyProperty().get();
        fontSize = settings.fontSizeProperty().get();
        scheme = settings.colorSchemeProperty().get();
        scrollback = settings.scrollbackLinesProperty().get();
    }

    void setFont(String family, int size) {
        fontFamily = family;
        fontSize = size;
    }

    void setScheme(ColorScheme scheme) {
        this.scheme = scheme;
    }

    ColorScheme scheme() {
        return scheme;
    }

    @Override
    public Font getTerminalFont() {
        return Font.font(fontFamily, fontSize);
    }

    @Override
    public float getTerminalFontSize() {
        return fontSize;
    }

    @Override
    public ColorPalette getTerminalColorPalette() {
        return scheme.palette();
    }

    @Override
    @SuppressWarnings("deprecation")
    public TextStyle getDefaultStyle() {
        return new TextStyle(foreground, background);
    }

    @Override
    public TerminalColor getDefaultForeground() {
        return foreground;
    }

    @Override
    public TerminalColor getDefaultBackground() {
        return background;
    }

    @Override
    public TextStyle getSelectionColor() {
        return new TextStyle(foreground, scheme.selectionBackground());
    }

    @Override
    public TextStyle getFoundPatternColor() {
        return new TextStyle(foreground, scheme.foundBackground());
    }

    @Override
    public boolean useInverseSelectionColor() {
        return false;
    }

    @Override
    public int getBufferMaxLinesCount() {
        return scrollback;
    }

    @Override
    public boolean audibleBell() {
        return false;
    }

    @Override
    public TerminalActionPresentation getFindActionPresentation() {
        return new TerminalActionPresentation("Find", shiftShortcut(KeyCode.F));
    }

    @Override
    public TerminalActionPresentation getClearBufferActionPresentation() {
        return new TerminalActionPresentation("Clear Buffer", shiftShortcut(KeyCode.K));
    }

    @Override
    public TerminalActionPresentation getSelectAllActionPresentation() {
        return new TerminalActionPresentation("Select All", List.of());
    }

    private static KeyCombination shiftShortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }
}
