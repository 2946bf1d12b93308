package dev.skiff.app.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostStoreTest {
    @TempDir
    Path dir;

    private static SavedHost full() {
        return new SavedHost(null, "Web", "web.example.com", 2222, "alice", AuthPreference.KEY_FILE, "~/.ssh/id_web",
                "bastion", "prod/eu", Map.of("LANG", "C.UTF-8"),
                List.of(PortForward.parse("L 8080:localhost:80"), PortForward.parse("D 1080")), 30, "dark", "notes");
    }

    @Test
    void roundTripThroughANewStore() throws Exception {
        SavedHost h = full();
        try (HostStore s = HostStore.open(new AppDirs(dir))) {
            assertTrue(s.loadProblem().isEmpty());
            s.put(h);
            s.addFolder("empty");
        }
        String json = Files.readString(dir.resolve("hosts.json"));
        for (String derived : new String[] {"currentVersion", "sshCommand", "hop", "SecretId"}) {
            assertFalse(json.contains(derived), json);
        }
        try (HostStore s = HostStore.open(new AppDirs(dir))) {
            assertEquals(List.of(h), s.hosts());
            assertEquals(List.of("empty", "prod/eu"), s.folders());
            assertEquals(h, s.byIdOrLabel("web").orElseThrow());
        }
    }

    @Test
    void unknownFieldsAreTolerated() throws Exception {
        Files.writeString(dir.resolve("hosts.json"), """
                {"version":1,"future":true,"hosts":[{"id":"x1","label":"A","host":"a","port":22,"colour":"red",
                 "forwards":[{"type":"L","spec":"8080:h:80","extra":1}]}],"folders":[]}""");
        try (HostStore s = HostStore.open(new AppDirs(dir))) {
            assertTrue(s.loadProblem().isEmpty());
            SavedHost a = s.hosts().get(0);
            assertEquals("x1", a.id());
            assertEquals("", a.user());
            assertEquals(AuthPreference.AGENT, a.auth());
            assertEquals(PortForward.Type.L, a.forwards().get(0).type());
        }
    }

    @Test
    void corruptFileIsKeptAsideWithAMessage() throws Exception {
        Path f = dir.resolve("hosts.json");
        Files.writeString(f, "{\"version\":1, \"hosts\": [ {broken");
        try (HostStore s = HostStore.open(new AppDirs(dir))) {
            assertTrue(s.hosts().isEmpty());
            String msg = s.loadProblem().orElseThrow();
            assertTrue(msg.contains("hosts.json.corrupt-"), msg);
            s.put(SavedHost.of("n", "n", 22, ""));
            s.flush();
        }
        Path aside = only(dir, "hosts.json.corrupt-");
        assertEquals("{\"version\":1, \"hosts\": [ {broken", Files.readString(aside));
        assertTrue(Files.readString(f).contains("\"n\""));
    }

    @Test
    void newerVersionIsKeptAsideUntouched() throws Exception {
        Path f = dir.resolve("hosts.json");
        String newer = "{\"version\":7,\"hosts\":[{\"label\":\"x\",\"host\":\"x\"}]}";
        Files.writeString(f, newer);
        try (HostStore s = HostStore.open(new AppDirs(dir))) {
            assertTrue(s.hosts().isEmpty());
            assertTrue(s.loadProblem().orElseThrow().contains("newer version"));
        }
        assertEquals(newer, Files.readString(only(dir, "hosts.json.v7-")));
        assertFalse(Files.exists(f));
    }

    @Test
    void atomicWriteLeavesNoTemporaryFiles() throws Exception {
        try (HostStore s = HostStore.open(new AppDirs(dir))) {
            for (int i = 0; i < 5; i++) {
                s.put(SavedHost.of("h" + i, "h" + i, 22, ""));
                s.flush();
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("hosts.json"), files.map(p -> p.getFileName().toString()).toList());
        }
        AtomicFiles.write(dir.resolve("x.bin"), "abc".getBytes(StandardCharsets.UTF_8));
        assertEquals("abc", Files.readString(dir.resolve("x.bin")));
    }

    @Test
    void debounceCoalescesManySavesIntoOneWrite() throws Exception {
        Path f = dir.resolve("hosts.json");
        try (HostStore s = HostStore.open(f, Duration.ofSeconds(30))) {
            List<List<SavedHost>> seen = new CopyOnWriteArrayList<>();
            s.addListener(seen::add);
            for (int i = 0; i < 20; i++) {
                s.put(SavedHost.of("h" + i, "h" + i, 22, ""));
            }
            assertFalse(Files.exists(f), "nothing written before the debounce delay");
            assertEquals(20, seen.size());
            s.flush();
            assertEquals(20, Json.MAPPER.readValue(f.toFile(), HostsDocument.class).hosts().size());
        }
        try (HostStore s = HostStore.open(f, Duration.ofMillis(50))) {
            s.remove(s.hosts().get(0).id());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (Json.MAPPER.readValue(f.toFile(), HostsDocument.class).hosts().size() != 19) {
                assertTrue(System.nanoTime() < deadline, "debounced save never happened");
                Thread.sleep(50);
            }
        }
    }

    @Test
    void settingsRoundTripWithDefaultsForMissingFields() throws Exception {
        AppDirs dirs = new AppDirs(dir);
        try (SettingsStore s = SettingsStore.open(dirs)) {
            assertEquals(3, s.get().transfers().parallel());
            assertEquals(dirs.knownHostsFile(), dirs.knownHostsWriteFile(s.get()));
            s.update(a -> a.withTheme(AppSettings.Theme.DARK).withWriteToSshKnownHosts(true)
                    .withWindow(new AppSettings.WindowBounds(10, 20, 800, 600, true))
                    .withTransfers(new AppSettings.Transfers(5, false, true, "SKIP", "RESUME", 1 << 20)));
        }
        try (SettingsStore s = SettingsStore.open(dirs)) {
            assertEquals(AppSettings.Theme.DARK, s.get().theme());
            assertTrue(s.get().window().maximized());
            assertEquals(AppDirs.sshKnownHostsFile(), dirs.knownHostsWriteFile(s.get()));
            assertEquals(new AppSettings.Transfers(5, false, true, "SKIP", "RESUME", 1 << 20), s.get().transfers());
        }
        Files.writeString(dirs.settingsFile(), "{\"theme\":\"LIGHT\",\"newThing\":1}");
        try (SettingsStore s = SettingsStore.open(dirs)) {
            assertEquals(AppSettings.Theme.LIGHT, s.get().theme());
            assertEquals(AppSettings.DEFAULT_SCROLLBACK, s.get().scrollbackLines());
            assertFalse(s.get().sidebarHidden());
            assertEquals(AppSettings.Transfers.defaults(), s.get().transfers());
        }
    }

    @Test
    void platformDirectories() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/x/skiff"), AppDirs.platformDir("Linux", home, Map.of("XDG_CONFIG_HOME", "/x")));
        assertEquals(home.resolve(".config/skiff"), AppDirs.platformDir("Linux", home, Map.of()));
        assertEquals(home.resolve("Library/Application Support/Skiff"), AppDirs.platformDir("Mac OS X", home, Map.of()));
        assertEquals(Path.of("C:/AppData").resolve("Skiff"),
                AppDirs.platformDir("Windows 11", home, Map.of("APPDATA", "C:/AppData")));
    }

    static Path only(Path dir, String prefix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> l = files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, l.size(), "files starting with " + prefix);
            return l.get(0);
        }
    }
}
