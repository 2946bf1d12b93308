package dev.skiff.app.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a saved host exists, read from {@code hosts.json} without changing anything (no JavaFX,
 * no store): for {@code skiff open LABEL} when no Skiff window runs, so that a label no host has
 * fails in the terminal instead of starting the app.
 */
public final class SavedHostLookup {
    private SavedHostLookup() {
    }

    /**
     * True when a saved host has {@code idOrLabel} as its id or (case-insensitively) its label, as
     * the running app matches them; false when none has (or there is no hosts file); empty when the
     * file cannot be read as this version's, which the app reports when it starts.
     */
    public static Optional<Boolean> exists(AppDirs dirs, String idOrLabel) {
        Path file = dirs.hostsFile();
        if (!Files.exists(file)) {
            return Optional.of(false);
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(file.toFile());
            if (tree == null || !tree.isObject() || tree.path("version").asInt(1) > HostsDocument.CURRENT_VERSION) {
                return Optional.empty();
            }
            return Optional.of(Json.MAPPER.treeToValue(tree, HostsDocument.class).byIdOrLabel(idOrLabel).isPresent());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
