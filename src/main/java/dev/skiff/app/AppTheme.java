package dev.skiff.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.skiff.app.sessions.AppSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The app's light and dark looks (AtlantaFX Primer), or the system's choice. JavaFX 21 has no
 * platform colour-scheme API, so the system preference is read where the desktop publishes it:
 * GNOME's {@code color-scheme} (gsettings), a {@code :dark} GTK_THEME, macOS's
 * AppleInterfaceStyle, Windows' AppsUseLightTheme.
 */
enum AppTheme {
    SYSTEM("Follow the system", AppSettings.Theme.SYSTEM), LIGHT("Light", AppSettings.Theme.LIGHT),
    DARK("Dark", AppSettings.Theme.DARK);

    private final String label;
    private final AppSettings.Theme setting;

    AppTheme(String label, AppSettings.Theme setting) {
        this.label = label;
        this.setting = setting;
    }

    /** The look for a saved setting. */
    static AppTheme of(AppSettings.Theme setting) {
        for (AppTheme t : values()) {
            if (t.setting == setting) {
                return t;
            }
        }
        return SYSTEM;
    }

    /** How this choice is saved in the settings file. */
    AppSettings.Theme setting() {
        return setting;
    }

    String label() {
        return label;
    }

    /** Whether this choice means dark on this machine (SYSTEM asks the desktop; may run a process). */
    boolean isDark() {
        return switch (this) {
            case LIGHT -> false;
            case DARK -> true;
            case SYSTEM -> systemPrefersDark();
        };
    }

    /** The AtlantaFX user-agent stylesheet for light or dark. */
    static String stylesheet(boolean dark) {
        return dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    static boolean systemPrefersDark() {
        String gtkTheme = System.getenv("GTK_THEME");
        if (gtkTheme != null && gtkTheme.toLowerCase(Locale.ROOT).endsWith(":dark")) {
            return true;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return output("defaults", "read", "-g", "AppleInterfaceStyle").contains("Dark");
        }
        if (os.contains("win")) {
            return output("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme").matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0\\b.*");
        }
        String scheme = output("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
        if (scheme.contains("prefer-dark")) {
            return true;
        }
        return output("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme").toLowerCase(Locale.ROOT)
                .contains("dark");
    }

    /** A short-lived helper's output, or "" when it is missing, fails or hangs. */
    private static String output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
