package dev.skiff.app.sessions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/**
 * Application settings ({@code settings.json}), a DTO stored by {@link SettingsStore}. Immutable;
 * change it with the {@code with...} methods. Missing fields (older files) take the defaults.
 *
 * @param version format version
 * @param theme light, dark or following the system
 * @param window last main-window bounds; null until the window was closed once
 * @param sidebarWidth host sidebar width in pixels
 * @param sidebarHidden whether the host sidebar is hidden
 * @param terminalFontFamily terminal font family
 * @param terminalFontSize terminal font size in points
 * @param scrollbackLines terminal scrollback
 * @param transfers the file browser's transfer options, as last chosen
 * @param writeToSshKnownHosts add accepted host keys to {@code ~/.ssh/known_hosts} instead of Skiff's own file
 * @param firstRunDone the first-run welcome was shown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSettings(int version, Theme theme, WindowBounds window, double sidebarWidth, boolean sidebarHidden,
        String terminalFontFamily, double terminalFontSize, int scrollbackLines, Transfers transfers,
        boolean writeToSshKnownHosts, boolean firstRunDone) implements Versioned {

    /** The version this code writes. */
    public static final int CURRENT_VERSION = 1;
    /** Default sidebar width. */
    public static final double DEFAULT_SIDEBAR_WIDTH = 260;
    /** Default terminal font. */
    public static final String DEFAULT_FONT_FAMILY = "Monospaced";
    /** Default terminal font size. */
    public static final double DEFAULT_FONT_SIZE = 13;
    /** Default scrollback. */
    public static final int DEFAULT_SCROLLBACK = 10_000;
    /** Default number of concurrent transfers. */
    public static final int DEFAULT_PARALLEL_TRANSFERS = 3;

    /** The colour theme. */
    public enum Theme { SYSTEM, LIGHT, DARK }

    /**
     * Main-window placement.
     *
     * @param x left edge
     * @param y top edge
     * @param width width
     * @param height height
     * @param maximized whether it was maximised
     */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    /**
     * The file browser's transfer options (names of the app's enums as text, so that an unknown
     * value in a file is read as the default).
     *
     * @param parallel transfers at once
     * @param atomicUploads upload to a temporary name, then rename
     * @param preserve keep times and permissions
     * @param symlinks FOLLOW, SKIP or COPY_LINK
     * @param conflict ASK, OVERWRITE, SKIP, RESUME or RENAME
     * @param limit bytes per second for all of a browser's transfers, 0 = none
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transfers(int parallel, boolean atomicUploads, boolean preserve, String symlinks, String conflict,
            long limit) {
        public Transfers {
            parallel = parallel > 0 ? parallel : DEFAULT_PARALLEL_TRANSFERS;
            symlinks = symlinks == null ? "FOLLOW" : symlinks;
            conflict = conflict == null ? "ASK" : conflict;
            limit = Math.max(0, limit);
        }

        /** The options of a new installation. */
        public static Transfers defaults() {
            return new Transfers(DEFAULT_PARALLEL_TRANSFERS, true, true, null, null, 0);
        }
    }

    /** Fills in defaults for missing (zero or null) values. */
    public AppSettings {
        version = CURRENT_VERSION;
        theme = Objects.requireNonNullElse(theme, Theme.SYSTEM);
        sidebarWidth = sidebarWidth > 0 ? sidebarWidth : DEFAULT_SIDEBAR_WIDTH;
        terminalFontFamily = terminalFontFamily == null || terminalFontFamily.isBlank() ? DEFAULT_FONT_FAMILY
                : terminalFontFamily;
        terminalFontSize = terminalFontSize > 0 ? terminalFontSize : DEFAULT_FONT_SIZE;
        scrollbackLines = scrollbackLines > 0 ? scrollbackLines : DEFAULT_SCROLLBACK;
        transfers = Objects.requireNonNullElse(transfers, Transfers.defaults());
    }

    /** All defaults. */
    public static AppSettings defaults() {
        return new AppSettings(CURRENT_VERSION, null, null, 0, false, null, 0, 0, null, false, false);
    }

    @Override
    public int currentVersion() {
        return CURRENT_VERSION;
    }

    public AppSettings withTheme(Theme t) {
        return new AppSettings(version, t, window, sidebarWidth, sidebarHidden, terminalFontFamily, terminalFontSize,
                scrollbackLines, transfers, writeToSshKnownHosts, firstRunDone);
    }

    public AppSettings withWindow(WindowBounds w) {
        return new AppSettings(version, theme, w, sidebarWidth, sidebarHidden, terminalFontFamily, terminalFontSize,
                scrollbackLines, transfers, writeToSshKnownHosts, firstRunDone);
    }

    public AppSettings withSidebar(double width, boolean hidden) {
        return new AppSettings(version, theme, window, width, hidden, terminalFontFamily, terminalFontSize,
                scrollbackLines, transfers, writeToSshKnownHosts, firstRunDone);
    }

    public AppSettings withTerminal(String fontFamily, double fontSize, int scrollback) {
        return new AppSettings(version, theme, window, sidebarWidth, sidebarHidden, fontFamily, fontSize,
                scrollback, transfers, writeToSshKnownHosts, firstRunDone);
    }

    public AppSettings withTransfers(Transfers n) {
        return new AppSettings(version, theme, window, sidebarWidth, sidebarHidden, terminalFontFamily,
                terminalFontSize, scrollbackLines, n, writeToSshKnownHosts, firstRunDone);
    }

    public AppSettings withWriteToSshKnownHosts(boolean b) {
        return new AppSettings(version, theme, window, sidebarWidth, sidebarHidden, terminalFontFamily,
                terminalFontSize, scrollbackLines, transfers, b, firstRunDone);
    }

    public AppSettings withFirstRunDone(boolean b) {
        return new AppSettings(version, theme, window, sidebarWidth, sidebarHidden, terminalFontFamily,
                terminalFontSize, scrollbackLines, transfers, writeToSshKnownHosts, b);
    }
}
