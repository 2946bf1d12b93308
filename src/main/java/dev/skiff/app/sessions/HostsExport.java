package dev.skiff.app.sessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Exports saved hosts to a JSON file and imports them back. The file has the same format as
 * {@code hosts.json} and, like it, holds no secrets (those stay in the {@link Vault}). Blocking;
 * call from a worker thread.
 */
public final class HostsExport {
    private HostsExport() {
    }

    /** Writes the hosts (atomically) to {@code file}. */
    public static void write(List<SavedHost> hosts, Path file) throws IOException {
        HostsDocument doc = new HostsDocument(HostsDocument.CURRENT_VERSION, hosts, List.of());
        AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(doc));
    }

    /**
     * Reads hosts from an export file. Hosts whose id is in {@code existingIds} get a fresh id, so an
     * import never replaces a saved host.
     *
     * @throws IOException if the file is unreadable, not an export, or from a newer Skiff
     */
    public static List<SavedHost> read(Path file, Set<String> existingIds) throws IOException {
        HostsDocument doc;
        try {
            doc = Json.MAPPER.readValue(Files.readAllBytes(file), HostsDocument.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file.getFileName() + " is not a Skiff hosts file: " + e.getMessage(), e);
        }
        if (doc.version() > HostsDocument.CURRENT_VERSION) {
            throw new IOException(file.getFileName() + " was written by a newer version of Skiff");
        }
        Set<String> taken = new HashSet<>(existingIds);
        List<SavedHost> out = new ArrayList<>();
        for (SavedHost h : doc.hosts()) {
            SavedHost fresh = taken.contains(h.id()) ? h.withId(UUID.randomUUID().toString()) : h;
            taken.add(fresh.id());
            out.add(fresh);
        }
        return out;
    }
}
