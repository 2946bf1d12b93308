package dev.skiff.app.sessions;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where Skiff keeps its files: {@code $XDG_CONFIG_HOME/skiff} (else {@code ~/.config/skiff}) on
 * Linux, {@code %APPDATA%\Skiff} on Windows, {@code ~/Library/Application Support/Skiff} on macOS.
 * The system property {@value #PROPERTY} overrides the directory (tests use it). Immutable.
 *
 * @param configDir the configuration directory (may not exist yet)
 */
public record AppDirs(Path configDir) {

    /** System property that replaces the platform directory. */
    public static final String PROPERTY = "skiff.config.dir";

    /** The directory for this process: the system property, else the platform's. */
    public static AppDirs current() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return new AppDirs(Path.of(override));
        }
        return new AppDirs(platformDir(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")),
                System.getenv()));
    }

    /** The platform's configuration directory for an OS name, home directory and environment. */
    static Path platformDir(String osName, Path home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Skiff");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Skiff");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("skiff");
    }

    /** Saved hosts. */
    public Path hostsFile() {
        return configDir.resolve("hosts.json");
    }

    /** Application settings. */
    public Path settingsFile() {
        return configDir.resolve("settings.json");
    }

    /** The encrypted secret vault. */
    public Path vaultFile() {
        return configDir.resolve("vault.json");
    }

    /** Skiff's own known_hosts file (written when a new host key is accepted). */
    public Path knownHostsFile() {
        return configDir.resolve("known_hosts");
    }

    /** The user's OpenSSH known_hosts ({@code ~/.ssh/known_hosts}). */
    public static Path sshKnownHostsFile() {
        return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }

    /** The user's OpenSSH client configuration ({@code ~/.ssh/config}). */
    public static Path sshConfigFile() {
        return Path.of(System.getProperty("user.home"), ".ssh", "config");
    }

    /**
     * The known_hosts files to read, in order: the file written first (Skiff's own, or
     * {@code ~/.ssh/known_hosts} when {@link AppSettings#writeToSshKnownHosts()}), then the other.
     */
    public List<Path> knownHostsReadFiles(AppSettings settings) {
        Path own = knownHostsFile();
        Path ssh = sshKnownHostsFile();
        return settings.writeToSshKnownHosts() ? List.of(ssh, own) : List.of(own, ssh);
    }

    /** The known_hosts file new host keys are added to. */
    public Path knownHostsWriteFile(AppSettings settings) {
        return settings.writeToSshKnownHosts() ? sshKnownHostsFile() : knownHostsFile();
    }
}
