package dev.skiff.app;

import dev.skiff.app.sessions.AppSettings;
import dev.skiff.app.terminal.TerminalSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Preferences dialog's state: theme, terminal font and scrollback, and where accepted host keys
 * are saved. Read from and written back to {@link AppSettings}; values out of range are clamped on
 * the way back. No UI; FX thread.
 */
final class PreferencesViewModel {
    static final int MIN_SCROLLBACK = 100;
    static final int MAX_SCROLLBACK = 1_000_000;

    private final ObjectProperty<AppTheme> theme = new SimpleObjectProperty<>(this, "theme");
    private final StringProperty fontFamily = new SimpleStringProperty(this, "fontFamily");
    private final IntegerProperty fontSize = new SimpleIntegerProperty(this, "fontSize");
    private final IntegerProperty scrollback = new SimpleIntegerProperty(this, "scrollback");
    private final BooleanProperty writeToSshKnownHosts = new SimpleBooleanProperty(this, "writeToSshKnownHosts");

    PreferencesViewModel(AppSettings s) {
        theme.set(AppTheme.of(s.theme()));
        fontFamily.set(s.terminalFontFamily());
        fontSize.set((int) Math.round(s.terminalFontSize()));
        scrollback.set(s.scrollbackLines());
        writeToSshKnownHosts.set(s.writeToSshKnownHosts());
    }

    ObjectProperty<AppTheme> themeProperty() {
        return theme;
    }

    StringProperty fontFamilyProperty() {
        return fontFamily;
    }

    IntegerProperty fontSizeProperty() {
        return fontSize;
    }

    IntegerProperty scrollbackProperty() {
        return scrollback;
    }

    BooleanProperty writeToSshKnownHostsProperty() {
        return writeToSshKnownHosts;
    }

    /** {@code s} with the chosen values (sizes clamped to what the terminal supports). */
    AppSettings applyTo(AppSettings s) {
        int size = Math.max(TerminalSettings.MIN_FONT_SIZE, Math.min(TerminalSettings.MAX_FONT_SIZE, fontSize.get()));
        int lines = Math.max(MIN_SCROLLBACK, Math.min(MAX_SCROLLBACK, scrollback.get()));
        String family = fontFamily.get() == null || fontFamily.get().isBlank() ? null : fontFamily.get();
        return s.withTheme(theme.get() == null ? AppSettings.Theme.SYSTEM : theme.get().setting())
                .withTerminal(family, size, lines).withWriteToSshKnownHosts(writeToSshKnownHosts.get());
    }
}
