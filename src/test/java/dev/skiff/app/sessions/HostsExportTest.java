package dev.skiff.app.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostsExportTest {
    @TempDir
    Path dir;

    @Test
    void exportImportRoundTripWithoutSecretsAndWithFreshIdsForClashes() throws Exception {
        AppDirs dirs = new AppDirs(dir.resolve("cfg"));
        Path out = dir.resolve("export.json");
        SavedHost a;
        SavedHost b = SavedHost.of("B", "b.example", 22, "bob");
        try (SessionServices s = SessionServices.open(dirs)) {
            assertTrue(s.loadProblems().isEmpty());
            a = new SavedHost(null, "A", "a.example", 2200, "alice", AuthPreference.PASSWORD, "", "", "f",
                    Map.of("X", "1"), List.of(PortForward.parse("D 1080")), 10, "p", "n");
            s.hosts().putAll(List.of(a, b));
            Vault v = new Vault(dirs.vaultFile(), VaultTest.FAST);
            v.create("master-password".toCharArray());
            v.put(a.passwordSecretId(), "TopSecret123".toCharArray());
            HostsExport.write(s.hosts().hosts(), out);
        }
        String json = Files.readString(out);
        assertFalse(json.contains("TopSecret123"));
        List<SavedHost> back = HostsExport.read(out, Set.of(b.id()));
        assertEquals(a, back.get(0));
        assertNotEquals(b.id(), back.get(1).id());
        assertEquals(b.withId(back.get(1).id()), back.get(1));

        Files.writeString(out, "{\"version\":99,\"hosts\":[]}");
        assertThrows(IOException.class, () -> HostsExport.read(out, Set.of()));
        Files.writeString(out, "[1,2");
        assertThrows(IOException.class, () -> HostsExport.read(out, Set.of()));
    }
}
