package dev.skiff.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.launch.DesktopActions;
import dev.skiff.app.sessions.AppDirs;
import dev.skiff.app.sessions.HostStore;
import dev.skiff.app.sessions.SavedHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop entry follows the saved hosts: written after changes settle, removed when none are left. */
class DesktopActionsSyncTest {

    @TempDir
    Path dir;

    @Test
    void theEntryFollowsTheSavedHosts() throws Exception {
        Path applications = dir.resolve("applications");
        DesktopActions actions = new DesktopActions(DesktopActions.DESKTOP_ID, Path.of("/opt/skiff/bin/Skiff"),
                Path.of("/opt/skiff/lib/Skiff.png"), applications);
        Path entry = applications.resolve(DesktopActions.DESKTOP_ID);
        try (HostStore hosts = HostStore.open(new AppDirs(dir.resolve("config")))) {
            SavedHost web = SavedHost.of("web server", "web.example.org", 22, "alice");
            hosts.put(web);
            try (DesktopActionsSync sync = new DesktopActionsSync(actions, Duration.ofMillis(200))) {
                sync.follow(hosts);
                waitFor(() -> read(entry).contains("Name=web server"));
                assertTrue(read(entry).contains("Exec=\"/opt/skiff/bin/Skiff\" open \"web server\""), read(entry));

                hosts.put(SavedHost.of("db", "db.example.org", 22, "bob"));
                hosts.put(SavedHost.of("cache", "cache.example.org", 22, "bob"));
                waitFor(() -> read(entry).contains("Name=cache"));
                assertTrue(read(entry).contains("Name=db") && read(entry).contains("Name=web server"), read(entry));

                hosts.remove(web.id());
                waitFor(() -> !read(entry).contains("web server"));
                // a change still waiting when the app stops is written on close
                hosts.put(SavedHost.of("last", "last.example.org", 22, "bob"));
            }
            assertTrue(read(entry).contains("Name=last"), read(entry));

            try (DesktopActionsSync sync = new DesktopActionsSync(actions, Duration.ofMillis(200))) {
                sync.follow(hosts);
                hosts.hosts().forEach(h -> hosts.remove(h.id()));
                waitFor(() -> Files.notExists(entry));
            }
            hosts.put(SavedHost.of("after close", "x.example.org", 22, "bob"));
            Thread.sleep(600);
            assertFalse(Files.exists(entry), "a closed sync no longer follows the store");
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(50);
        }
    }
}
