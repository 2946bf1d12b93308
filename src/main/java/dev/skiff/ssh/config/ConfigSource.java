package dev.skiff.ssh.config;

import java.nio.file.Path;

/**
 * A configuration file to read, and how relative {@code Include} paths in it resolve.
 *
 * @param path the file
 * @param userConfig a user file ({@code ~/.ssh/config} or {@code -F}): {@code Include} may use
 *     {@code ~} and relative paths resolve against {@code includeDir}; a system file may not use
 *     {@code ~}
 * @param required a missing file is an error (as for {@code -F}) rather than skipped
 * @param includeDir where relative {@code Include} paths point: {@code ~/.ssh} for user files,
 *     {@code /etc/ssh} for system files
 * @param tildeHome what {@code ~} means in {@code Include} paths (OpenSSH globs with
 *     {@code GLOB_TILDE}, which uses {@code $HOME})
 */
public record ConfigSource(Path path, boolean userConfig, boolean required, Path includeDir, Path tildeHome) {

    /** The system-wide configuration directory. */
    public static final Path SYSTEM_DIR = Path.of("/etc/ssh");

    /** A user file; relative includes resolve in {@code ~/.ssh} (with {@code ~} = {@code $HOME} if set). */
    public static ConfigSource user(Path path, boolean required, LocalContext local) {
        Path home = globHome(local);
        return new ConfigSource(path, true, required, home.resolve(".ssh"), home);
    }

    /** A system file; relative includes resolve in {@code /etc/ssh}. */
    public static ConfigSource system(Path path) {
        return new ConfigSource(path, false, false, SYSTEM_DIR, SYSTEM_DIR);
    }

    private static Path globHome(LocalContext local) {
        String env = local.env().get("HOME");
        return env != null && !env.isEmpty() ? Path.of(env) : local.home();
    }
}
