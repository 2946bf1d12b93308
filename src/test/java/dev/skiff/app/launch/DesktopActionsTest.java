package dev.skiff.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopActionsTest {

    @TempDir
    Path dir;

    private DesktopActions actions() {
        return new DesktopActions(DesktopActions.DESKTOP_ID, Path.of("/opt/skiff/bin/Skiff"),
                Path.of("/opt/skiff/lib/Skiff.png"), dir.resolve("applications"));
    }

    @Test
    void oneActionPerSavedHostRunningSkiffOpen() {
        String text = actions().render(List.of("web", "db \"primary\" $HOME 50% c:\\x"));
        assertTrue(text.startsWith("[Desktop Entry]\n"), text);
        assertTrue(text.contains("\nExec=\"/opt/skiff/bin/Skiff\" %u\n"), text);
        assertTrue(text.contains("\nMimeType=x-scheme-handler/ssh;x-scheme-handler/sftp;\n"), text);
        assertTrue(text.contains("\nActions=host-0;host-1;\n"), text);
        assertTrue(text.contains("\n[Desktop Action host-0]\nName=web\nExec=\"/opt/skiff/bin/Skiff\" open \"web\"\n"), text);
        // Exec quoting: \" \$ %% and a backslash escaped twice (argument quoting, then string escaping)
        assertTrue(text.contains("\nName=db \"primary\" $HOME 50% c:\\\\x\n"), text);
        assertTrue(text.contains("open \"db \\\\\"primary\\\\\" \\\\$HOME 50%% c:\\\\\\\\x\"\n"), text);
    }

    @Test
    void onlyTheLauncherThatTheInstalledEntryRunsUpdatesIt() throws Exception {
        Path system = Files.createDirectories(dir.resolve("share").resolve("applications"));
        Files.writeString(system.resolve(DesktopActions.DESKTOP_ID), "[Desktop Entry]\nExec=/opt/skiff/bin/Skiff %u\n");
        var env = java.util.Map.of("XDG_DATA_DIRS", dir.resolve("share").toString(),
                "XDG_DATA_HOME", dir.resolve("home-data").toString());

        DesktopActions installed = DesktopActions.forInstalledApp("/opt/skiff/bin/Skiff", "Linux", env, "/home/u").orElseThrow();
        assertEquals(new DesktopActions(DesktopActions.DESKTOP_ID, Path.of("/opt/skiff/bin/Skiff"),
                Path.of("/opt/skiff/lib/Skiff.png"), dir.resolve("home-data").resolve("applications")), installed);
        assertTrue(DesktopActions.forInstalledApp("/work/target/jpackage/image/Skiff/bin/Skiff", "Linux", env, "/home/u")
                .isEmpty(), "an app image run from a build directory");
        assertTrue(DesktopActions.forInstalledApp(null, "Linux", env, "/home/u").isEmpty(), "not a jpackage launcher");
        assertTrue(DesktopActions.forInstalledApp("/opt/skiff/bin/Skiff", "Mac OS X", env, "/home/u").isEmpty());
        assertEquals(Path.of("/home/u/.local/share/applications"), DesktopActions.forInstalledApp("/opt/skiff/bin/Skiff",
                "Linux", java.util.Map.of("XDG_DATA_DIRS", dir.resolve("share").toString()), "/home/u")
                .orElseThrow().directory());
    }

    @Test
    void listIsCappedAndBlankLabelsSkipped() {
        List<String> many = IntStream.range(0, 30).mapToObj(i -> "h" + i).toList();
        String text = actions().render(many);
        assertTrue(text.contains("[Desktop Action host-19]"));
        assertFalse(text.contains("[Desktop Action host-20]"));
        assertFalse(actions().render(List.of(" ")).contains("Actions="));
    }

    @Test
    void updateWritesThePerUserOverrideAndRemovesItWhenEmpty() throws Exception {
        Path written = actions().update(List.of("web"));
        assertEquals(dir.resolve("applications").resolve("skiff-Skiff.desktop"), written);
        assertEquals(actions().render(List.of("web")), Files.readString(written));
        actions().update(List.of("web", "db"));
        assertTrue(Files.readString(written).contains("Name=db"));
        try (var files = Files.list(dir.resolve("applications"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        actions().update(List.of());
        assertFalse(Files.exists(written));
    }

    @Test
    void controlCharactersNeverBreakTheFile() {
        String text = actions().render(List.of("evil\n[Desktop Entry]\nExec=rm"));
        assertFalse(text.contains("\n[Desktop Entry]\nExec=rm"), text);
    }
}
