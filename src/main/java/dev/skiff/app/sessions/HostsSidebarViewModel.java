package dev.skiff.app.sessions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State behind the host sidebar: the saved hosts (kept in step with the {@link HostStore}), the
 * read-only hosts found only in {@code ~/.ssh/config}, the search text and the filtered,
 * folder-grouped view of both, plus the store-changing actions (duplicate, delete, save a config
 * host).
 *
 * <p>FX thread. Store changes made on other threads reach the lists through {@code fxExecutor}
 * ({@code Platform::runLater} in the app, {@code Runnable::run} in tests).
 */
public final class HostsSidebarViewModel {
    private static final Comparator<SavedHost> BY_LABEL =
            Comparator.comparing((SavedHost h) -> h.label().toLowerCase(Locale.ROOT)).thenComparing(SavedHost::id);

    private final HostStore store;
    private final ObservableList<SavedHost> saved = FXCollections.observableArrayList();
    private final ObservableList<SavedHost> configHosts = FXCollections.observableArrayList();
    private final FilteredList<SavedHost> filteredSaved = new FilteredList<>(saved);
    private final FilteredList<SavedHost> filteredConfig = new FilteredList<>(configHosts);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<SavedHost> selected = new SimpleObjectProperty<>();
    private final Consumer<List<SavedHost>> storeListener;
    private final Executor fxExecutor;

    /**
     * @param store the saved hosts
     * @param fxExecutor runs list updates on the FX thread
     */
    public HostsSidebarViewModel(HostStore store, Executor fxExecutor) {
        this.store = store;
        this.fxExecutor = fxExecutor;
        saved.setAll(store.hosts());
        storeListener = hosts -> fxExecutor.execute(() -> saved.setAll(hosts));
        store.addListener(storeListener);
        filter.addListener((o, a, b) -> {
            filteredSaved.setPredicate(h -> matches(h, b));
            filteredConfig.setPredicate(h -> matches(h, b));
        });
    }

    /** Whether a host matches the search text (label, host, user or folder contain every word). */
    public static boolean matches(SavedHost h, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String hay = (h.label() + " " + h.host() + " " + h.user() + " " + h.folder()).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (!hay.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The visible saved hosts grouped by folder (sorted; "" = top level), each group sorted by label. */
    public Map<String, List<SavedHost>> groupedByFolder() {
        Map<String, List<SavedHost>> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (filter.get().isBlank()) {
            store.folders().forEach(f -> groups.put(f, new ArrayList<>()));
        }
        for (SavedHost h : filteredSaved) {
            groups.computeIfAbsent(h.folder(), f -> new ArrayList<>()).add(h);
        }
        groups.values().forEach(l -> l.sort(BY_LABEL));
        return groups;
    }

    /** Replaces the read-only "From ~/.ssh/config" hosts (empty hides the group). */
    public void setConfigHosts(List<SavedHost> hosts) {
        configHosts.setAll(hosts);
    }

    /**
     * Reads the hosts defined only in an ssh config file ({@link AppDirs#sshConfigFile()}) on
     * {@code worker} and shows them in the read-only group.
     */
    public void refreshConfigHosts(java.nio.file.Path configFile, Executor worker) {
        List<SavedHost> savedNow = List.copyOf(saved);
        worker.execute(() -> {
            List<SavedHost> live = new SshConfigImport(configFile).liveHosts(savedNow);
            fxExecutor.execute(() -> configHosts.setAll(live));
        });
    }

    /** Saves a copy (new id, "(copy)" label) next to the original; returns it. */
    public SavedHost duplicate(SavedHost h) {
        SavedHost copy = h.duplicate();
        store.put(copy);
        return copy;
    }

    /** Deletes a saved host. */
    public void delete(SavedHost h) {
        store.remove(h.id());
    }

    /** Saves a host from ~/.ssh/config as a regular saved host (fresh id); returns it. */
    public SavedHost saveConfigHost(SavedHost h) {
        SavedHost copy = h.withId(java.util.UUID.randomUUID().toString());
        store.put(copy);
        configHosts.remove(h);
        return copy;
    }

    /** Adds or replaces a host (the editor's result). */
    public void save(SavedHost h) {
        store.put(h);
    }

    /** Whether a host is read-only (from ~/.ssh/config). */
    public boolean isReadOnly(SavedHost h) {
        return SshConfigImport.isLive(h);
    }

    /** Stops following the store. */
    public void dispose() {
        store.removeListener(storeListener);
    }

    public HostStore store() {
        return store;
    }

    /** All saved hosts (unfiltered), in store order. */
    public ObservableList<SavedHost> savedHosts() {
        return FXCollections.unmodifiableObservableList(saved);
    }

    /** Saved hosts passing the filter. */
    public ObservableList<SavedHost> filteredSavedHosts() {
        return filteredSaved;
    }

    /** ~/.ssh/config hosts passing the filter. */
    public ObservableList<SavedHost> filteredConfigHosts() {
        return filteredConfig;
    }

    /** Orders hosts for display (by label, case-insensitive). */
    public static Comparator<SavedHost> displayOrder() {
        return BY_LABEL;
    }

    /** The search text. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The selected host, or null. */
    public ObjectProperty<SavedHost> selectedProperty() {
        return selected;
    }
}
