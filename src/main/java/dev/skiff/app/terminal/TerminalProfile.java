package dev.skiff.app.terminal;

import java.util.Locale;

/**
 * A saved host's terminal look: the app's colours (following its light or dark theme), or fixed
 * colours, e.g. red for production machines so that a glance tells where a shell runs. Saved by
 * {@link #name()}; an empty or unknown name is {@link #DEFAULT}.
 */
public enum TerminalProfile {
    DEFAULT("Default (follows the app theme)", null),
    LIGHT("Light", ColorScheme.LIGHT),
    DARK("Dark", ColorScheme.DARK),
    RED("Red (production)", ColorScheme.RED),
    BLUE("Blue (staging)", ColorScheme.BLUE);

    private final String label;
    private final ColorScheme scheme;

    TerminalProfile(String label, ColorScheme scheme) {
        this.label = label;
        this.scheme = scheme;
    }

    public String label() {
        return label;
    }

    /** The fixed colours, or null to follow the app's theme. */
    public ColorScheme scheme() {
        return scheme;
    }

    /** The profile saved as {@code name} (case-insensitive); empty or unknown names are DEFAULT. */
    public static TerminalProfile named(String name) {
        if (name != null) {
            for (TerminalProfile p : values()) {
                if (p.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        return DEFAULT;
    }
}
