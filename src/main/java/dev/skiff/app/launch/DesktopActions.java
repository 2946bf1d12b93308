package dev.skiff.app.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The saved hosts as desktop actions (the launcher's right-click menu in GNOME, KDE, Xfce…): writes
 * a per-user copy of Skiff's desktop entry, {@code ~/.local/share/applications/<id>}, which
 * overrides the installed one and adds one {@code [Desktop Action]} per host running
 * {@code skiff open LABEL}. Also registers the {@code ssh://} and {@code sftp://} URL handlers.
 *
 * <p>Only meaningful for an installed Linux package; {@link #forInstalledApp()} is empty
 * otherwise. The app calls {@link #update(List)} on a worker thread whenever the saved hosts change.
 *
 * @param desktopId  file name of the installed entry, e.g. {@code skiff-Skiff.desktop}
 * @param executable absolute path of the installed launcher
 * @param icon       absolute path of the icon
 * @param directory  where per-user entries live ({@code $XDG_DATA_HOME/applications})
 */
public record DesktopActions(String desktopId, Path executable, Path icon, Path directory) {

    /** Name of the entry jpackage installs for this app (see packaging/linux/). */
    public static final String DESKTOP_ID = "skiff-Skiff.desktop";
    /** At most this many hosts are listed (menus get unusable beyond that). */
    public static final int MAX_ACTIONS = 20;

    /**
     * The installed package's entry, when this process is the launcher that entry runs: jpackage
     * sets {@code jpackage.app-path} to the launcher, on Linux, and a system-wide
     * {@value #DESKTOP_ID} in {@code $XDG_DATA_DIRS/applications} has an {@code Exec} line running
     * it. (An app image started from a build directory, e.g. the AppCDS training run, has no such
     * entry and leaves the user's desktop entries alone.) Reads a small file: not on the FX thread.
     */
    public static Optional<DesktopActions> forInstalledApp() {
        return forInstalledApp(System.getProperty("jpackage.app-path"), System.getProperty("os.name", ""),
                System.getenv(), System.getProperty("user.home"));
    }

    static Optional<DesktopActions> forInstalledApp(String appPath, String osName, Map<String, String> env,
            String home) {
        if (appPath == null || !osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        Path launcher = Path.of(appPath);
        if (!installedEntryRuns(launcher, env)) {
            return Optional.empty();
        }
        Path icon = launcher.getParent().resolveSibling("lib").resolve("Skiff.png");
        String dataHome = env.get("XDG_DATA_HOME");
        Path data = dataHome != null && !dataHome.isBlank() ? Path.of(dataHome) : Path.of(home, ".local", "share");
        return Optional.of(new DesktopActions(DESKTOP_ID, launcher, icon, data.resolve("applications")));
    }

    /** Whether a system-wide {@value #DESKTOP_ID} (XDG_DATA_DIRS, default /usr/local/share:/usr/share) runs {@code launcher}. */
    private static boolean installedEntryRuns(Path launcher, Map<String, String> env) {
        String dirs = env.get("XDG_DATA_DIRS");
        List<String> search = new ArrayList<>();
        if (dirs != null) {
            search.addAll(List.of(dirs.split(":")));
        }
        search.addAll(List.of("/usr/local/share", "/usr/share"));
        for (String dir : search) {
            if (dir.isBlank()) {
                continue;
            }
            Path entry = Path.of(dir, "applications", DESKTOP_ID);
            try {
                if (Files.isRegularFile(entry) && Files.size(entry) < 64 * 1024 && Files.readAllLines(entry,
                        StandardCharsets.UTF_8).stream().anyMatch(l -> l.startsWith("Exec=") && l.contains(launcher.toString()))) {
                    return true;
                }
            } catch (IOException | UncheckedIOException e) {
                // unreadable: not ours
            }
        }
        return false;
    }

    /**
     * Writes the per-user entry with {@code labels} as actions (atomically), or removes it when
     * there are none, so the installed entry applies again. Blocking file I/O: not on the FX thread.
     *
     * @return the file written or removed
     */
    public Path update(List<String> labels) throws IOException {
        Path target = directory.resolve(desktopId);
        if (labels.isEmpty()) {
            Files.deleteIfExists(target);
            return target;
        }
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, ".skiff-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(render(labels).getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** The entry's text: the main entry, then one action per label (first {@link #MAX_ACTIONS}). */
    public String render(List<String> labels) {
        List<String> shown = labels.stream().filter(l -> !l.isBlank()).limit(MAX_ACTIONS).toList();
        StringBuilder out = new StringBuilder();
        out.append("[Desktop Entry]\n")
                .append("Type=Application\n")
                .append("Name=Skiff\n")
                .append("GenericName=SSH Terminal and SFTP Browser\n")
                .append("Comment=SSH terminal and SFTP file browser\n")
                .append("Exec=").append(execLine(executable.toString(), "%u")).append('\n')
                .append("Icon=").append(value(icon.toString())).append('\n')
                .append("Terminal=false\n")
                .append("Categories=Network;RemoteAccess;System;TerminalEmulator;\n")
                .append("MimeType=x-scheme-handler/ssh;x-scheme-handler/sftp;\n")
                .append("StartupWMClass=dev.skiff.app.SkiffApp\n");
        if (!shown.isEmpty()) {
            out.append("Actions=");
            for (int i = 0; i < shown.size(); i++) {
                out.append("host-").append(i).append(';');
            }
            out.append('\n');
        }
        for (int i = 0; i < shown.size(); i++) {
            String label = shown.get(i);
            out.append('\n')
                    .append("[Desktop Action host-").append(i).append("]\n")
                    .append("Name=").append(value(label)).append('\n')
                    .append("Exec=").append(execLine(executable.toString(), "open", quoteArgument(label))).append('\n');
        }
        return out.toString();
    }

    /** An Exec value: the program quoted as an argument, then the (already quoted) arguments. */
    private static String execLine(String program, String... arguments) {
        StringBuilder exec = new StringBuilder(quoteArgument(program));
        for (String argument : arguments) {
            exec.append(' ').append(argument);
        }
        return value(exec.toString());
    }

    /**
     * Quotes one Exec argument (Desktop Entry spec, "The Exec key"): always in double quotes, with
     * {@code " ` $ \} backslash-escaped, and {@code %} doubled so it is not a field code.
     */
    static String quoteArgument(String argument) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : argument.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c == '%' ? "%%" : String.valueOf(c));
        }
        return quoted.append('"').toString();
    }

    /** Escapes a string value (backslash and line breaks; control characters become spaces). */
    static String value(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\\') {
                out.append("\\\\");
            } else if (Character.isISOControl(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
