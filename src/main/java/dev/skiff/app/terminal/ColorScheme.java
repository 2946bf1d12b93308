package dev.skiff.app.terminal;

import com.techsenger.jeditermfx.core.Color;
import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.emulator.ColorPalette;

/**
 * Terminal colours that match the app's AtlantaFX Primer themes: default foreground/background,
 * selection, search hits and the 16 ANSI colours (GitHub's terminal palettes).
 */
public enum ColorScheme {
    LIGHT(0x1f2328, 0xffffff, 0xb6e3ff, 0xfff8c5, new int[] {
        0x24292f, 0xcf222e, 0x116329, 0x7d4e00, 0x0969da, 0x8250df, 0x1b7c83, 0x6e7781,
        0x57606a, 0xa40e26, 0x1a7f37, 0x633c01, 0x218bff, 0xa475f9, 0x3192aa, 0x8c959f}),
    DARK(0xe6edf3, 0x0d1117, 0x264f78, 0x9e6a03, new int[] {
        0x484f58, 0xff7b72, 0x3fb950, 0xd29922, 0x58a6ff, 0xbc8cff, 0x39c5cf, 0xb1bac4,
        0x6e7681, 0xffa198, 0x56d364, 0xe3b341, 0x79c0ff, 0xd2a8ff, 0x56d4dd, 0xffffff}),
    /** Dark with a deep red background: a host to be careful on. */
    RED(0xf6e8e8, 0x2a0a0f, 0x6b2a33, 0x9e6a03, new int[] {
        0x5a3d42, 0xff7b72, 0x3fb950, 0xd29922, 0x79c0ff, 0xd2a8ff, 0x39c5cf, 0xd8c4c6,
        0x8a6a6f, 0xffa198, 0x56d364, 0xe3b341, 0x9cd1ff, 0xe2c5ff, 0x56d4dd, 0xffffff}),
    /** Dark with a deep blue background. */
    BLUE(0xe6eef8, 0x0b1a2e, 0x24507d, 0x9e6a03, new int[] {
        0x3d4b5e, 0xff7b72, 0x3fb950, 0xd29922, 0x58a6ff, 0xbc8cff, 0x39c5cf, 0xc0cad6,
        0x6b7a8e, 0xffa198, 0x56d364, 0xe3b341, 0x79c0ff, 0xd2a8ff, 0x56d4dd, 0xffffff});

    private final int foreground;
    private final int background;
    private final int selection;
    private final int found;
    private final Palette palette;

    ColorScheme(int foreground, int background, int selection, int found, int[] ansi) {
        this.foreground = foreground;
        this.background = background;
        this.selection = selection;
        this.found = found;
        this.palette = new Palette(ansi);
    }

    public TerminalColor foreground() {
        return rgb(foreground);
    }

    public TerminalColor background() {
        return rgb(background);
    }

    /** The background as a JavaFX paint (for the margin around the terminal). */
    public javafx.scene.paint.Color backgroundPaint() {
        return javafx.scene.paint.Color.rgb((background >> 16) & 0xff, (background >> 8) & 0xff, background & 0xff);
    }

    public TerminalColor selectionBackground() {
        return rgb(selection);
    }

    public TerminalColor foundBackground() {
        return rgb(found);
    }

    /** The background as a CSS colour, for the panes around the terminal. */
    public String backgroundCss() {
        return String.format("#%06x", background);
    }

    public ColorPalette palette() {
        return palette;
    }

    private static TerminalColor rgb(int rgb) {
        return new TerminalColor(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    private static final class Palette extends ColorPalette {
        private final Color[] colors = new Color[16];

        Palette(int[] ansi) {
            for (int i = 0; i < 16; i++) {
                colors[i] = new Color(ansi[i]);
            }
        }

        @Override
        protected Color getForegroundByColorIndex(int index) {
            return colors[index];
        }

        @Override
        protected Color getBackgroundByColorIndex(int index) {
            return colors[index];
        }
    }
}
