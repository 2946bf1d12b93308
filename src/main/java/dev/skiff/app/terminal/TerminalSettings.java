package dev.skiff.app.terminal;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Terminal appearance shared by all terminal tabs: font family and size (zoom), scrollback lines and
 * the colour scheme. Tabs follow font and colour changes live; the scrollback size applies to tabs
 * opened afterwards.
 *
 * <p>FX thread only (JavaFX properties); JediTerm's threads read the values through
 * {@link SkiffSettingsProvider}, which snapshots them into volatile fields.
 */
public final class TerminalSettings {
    public static final int DEFAULT_FONT_SIZE = 14;
    public static final int MIN_FONT_SIZE = 6;
    public static final int MAX_FONT_SIZE = 48;
    public static final int DEFAULT_SCROLLBACK = 10_000;

    private final StringProperty fontFamily = new SimpleStringProperty(this, "fontFamily", "Monospaced");
    private final IntegerProperty fontSize = new SimpleIntegerProperty(this, "fontSize", DEFAULT_FONT_SIZE);
    private final IntegerProperty defaultFontSize = new SimpleIntegerProperty(this, "defaultFontSize", DEFAULT_FONT_SIZE);
    private final IntegerProperty scrollbackLines = new SimpleIntegerProperty(this, "scrollbackLines", DEFAULT_SCROLLBACK);
    private final ObjectProperty<ColorScheme> colorScheme = new SimpleObjectProperty<>(this, "colorScheme", ColorScheme.LIGHT);

    public StringProperty fontFamilyProperty() {
        return fontFamily;
    }

    /** The current (zoomed) font size in points. */
    public IntegerProperty fontSizeProperty() {
        return fontSize;
    }

    /** The size {@link #resetZoom} returns to. */
    public IntegerProperty defaultFontSizeProperty() {
        return defaultFontSize;
    }

    public IntegerProperty scrollbackLinesProperty() {
        return scrollbackLines;
    }

    public ObjectProperty<ColorScheme> colorSchemeProperty() {
        return colorScheme;
    }

    public void zoomIn() {
        fontSize.set(Math.min(MAX_FONT_SIZE, fontSize.get() + 1));
    }

    public void zoomOut() {
        fontSize.set(Math.max(MIN_FONT_SIZE, fontSize.get() - 1));
    }

    public void resetZoom() {
        fontSize.set(defaultFontSize.get());
    }
}
