package dev.skiff.app.terminal;

/** A terminal's size in character cells. Immutable. */
public record TerminalSize(int columns, int rows) {
    public TerminalSize {
        if (columns <= 0 || rows <= 0) {
            throw new IllegalArgumentException("terminal size must be positive: " + columns + "x" + rows);
        }
    }
}
