package dev.skiff.app.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedHostLookupTest {
    @TempDir
    Path dir;

    @Test
    void findsHostsByIdOrLabelLikeTheAppAndChangesNothing() throws Exception {
        AppDirs dirs = new AppDirs(dir);
        assertEquals(Optional.of(false), SavedHostLookup.exists(dirs, "anything"), "no hosts file: no host");
        String id;
        try (HostStore store = HostStore.open(dirs)) {
            SavedHost h = new SavedHost(null, "Web Server", "example.org", 22, "me", AuthPreference.AGENT, "", "", "",
                    Map.of(), List.of(), 0, "", "");
            store.put(h);
            store.flush();
            id = store.hosts().get(0).id();
        }
        String before = Files.readString(dirs.hostsFile());
        assertEquals(Optional.of(true), SavedHostLookup.exists(dirs, "web server"));
        assertEquals(Optional.of(true), SavedHostLookup.exists(dirs, id));
        assertEquals(Optional.of(false), SavedHostLookup.exists(dirs, "web"));
        assertEquals(before, Files.readString(dirs.hostsFile()));
    }

    @Test
    void anUnreadableOrNewerFileIsLeftToTheApp() throws Exception {
        AppDirs dirs = new AppDirs(dir);
        Files.createDirectories(dirs.hostsFile().getParent());
        Files.writeString(dirs.hostsFile(), "{ not json");
        assertEquals(Optional.empty(), SavedHostLookup.exists(dirs, "x"));
        Files.writeString(dirs.hostsFile(), "{\"version\": 99, \"hosts\": []}");
        assertEquals(Optional.empty(), SavedHostLookup.exists(dirs, "x"));
        assertEquals("{\"version\": 99, \"hosts\": []}", Files.readString(dirs.hostsFile()), "nothing is moved aside");
    }
}
