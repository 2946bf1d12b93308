package dev.skiff.app.sessions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The saved-hosts file ({@code hosts.json}), also the export format. Immutable.
 *
 * @param version format version; files with a newer version than {@link #CURRENT_VERSION} are not touched
 * @param hosts the hosts, in display order
 * @param folders folders that exist even when empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HostsDocument(int version, List<SavedHost> hosts, List<String> folders) implements Versioned {

    /** The version this code writes. */
    public static final int CURRENT_VERSION = 1;

    public HostsDocument {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        folders = folders == null ? List.of() : List.copyOf(folders);
    }

    /** The host with this id, else the first with this label (case-insensitive). */
    public Optional<SavedHost> byIdOrLabel(String idOrLabel) {
        String l = idOrLabel.toLowerCase(Locale.ROOT);
        return hosts.stream().filter(h -> h.id().equals(idOrLabel)).findFirst()
                .or(() -> hosts.stream().filter(h -> h.label().toLowerCase(Locale.ROOT).equals(l)).findFirst());
    }

    /** An empty document of the current version. */
    public static HostsDocument empty() {
        return new HostsDocument(CURRENT_VERSION, List.of(), List.of());
    }

    @Override
    public int currentVersion() {
        return CURRENT_VERSION;
    }
}
