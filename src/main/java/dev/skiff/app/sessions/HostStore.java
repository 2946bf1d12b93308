package dev.skiff.app.sessions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The saved hosts, backed by {@code hosts.json} in the config directory. Every change is saved
 * debounced (300 ms) and atomically; {@link #flush()} (or {@link #close()}) writes at once.
 *
 * <p>Thread-safe. Listeners are called on the thread that made the change, after it, with the new
 * list; UI listeners must hop to the FX thread themselves.
 */
public final class HostStore implements AutoCloseable {
    static final Duration DEBOUNCE = Duration.ofMillis(300);

    private final JsonDocumentStore<HostsDocument> file;
    private final Optional<String> loadProblem;
    private final List<Consumer<List<SavedHost>>> listeners = new CopyOnWriteArrayList<>();
    private HostsDocument doc;

    private HostStore(Path path, Duration debounce) {
        this.file = new JsonDocumentStore<>(path, HostsDocument.class, "saved hosts", debounce);
        LoadResult<HostsDocument> r = file.load(HostsDocument::empty);
        this.doc = r.value();
        this.loadProblem = r.problem();
    }

    /** Loads {@code hosts.json} from the directory (blocking). Check {@link #loadProblem()} afterwards. */
    public static HostStore open(AppDirs dirs) {
        return new HostStore(dirs.hostsFile(), DEBOUNCE);
    }

    static HostStore open(Path file, Duration debounce) {
        return new HostStore(file, debounce);
    }

    /** Set when the file was damaged or from a newer Skiff and was kept aside: text to show the user once. */
    public Optional<String> loadProblem() {
        return loadProblem;
    }

    /** The hosts, in order. */
    public synchronized List<SavedHost> hosts() {
        return doc.hosts();
    }

    /** Every folder name: explicit ones and those used by hosts, sorted. */
    public synchronized List<String> folders() {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(doc.folders());
        doc.hosts().stream().map(SavedHost::folder).filter(f -> !f.isEmpty()).forEach(all::add);
        return List.copyOf(all);
    }

    /** The host with this id. */
    public synchronized Optional<SavedHost> byId(String id) {
        return doc.hosts().stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** The host with this id, else the first with this label (case-insensitive). */
    public synchronized Optional<SavedHost> byIdOrLabel(String idOrLabel) {
        return doc.byIdOrLabel(idOrLabel);
    }

    /** Adds the host, or replaces the one with the same id (keeping its position). */
    public void put(SavedHost host) {
        update(list -> {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(host.id())) {
                    list.set(i, host);
                    return;
                }
            }
            list.add(host);
        });
    }

    /** Adds or replaces several hosts in one change. */
    public void putAll(List<SavedHost> hosts) {
        update(list -> {
            for (SavedHost h : hosts) {
                list.removeIf(x -> x.id().equals(h.id()));
                list.add(h);
            }
        });
    }

    /** Removes the host with this id; returns whether there was one. */
    public boolean remove(String id) {
        boolean[] removed = {false};
        update(list -> removed[0] = list.removeIf(h -> h.id().equals(id)));
        return removed[0];
    }

    /** Records an (empty) folder so it shows in the sidebar. */
    public void addFolder(String folder) {
        List<SavedHost> snapshot;
        synchronized (this) {
            if (folder.isBlank() || doc.folders().contains(folder)) {
                return;
            }
            List<String> folders = new ArrayList<>(doc.folders());
            folders.add(folder);
            doc = new HostsDocument(HostsDocument.CURRENT_VERSION, doc.hosts(), folders);
            file.save(doc);
            snapshot = doc.hosts();
        }
        fire(snapshot);
    }

    private void update(Consumer<List<SavedHost>> change) {
        List<SavedHost> snapshot;
        synchronized (this) {
            List<SavedHost> list = new ArrayList<>(doc.hosts());
            change.accept(list);
            doc = new HostsDocument(HostsDocument.CURRENT_VERSION, list, doc.folders());
            file.save(doc);
            snapshot = doc.hosts();
        }
        fire(snapshot);
    }

    private void fire(List<SavedHost> snapshot) {
        for (Consumer<List<SavedHost>> l : listeners) {
            l.accept(snapshot);
        }
    }

    /** Calls {@code listener} with the new host list after every change. */
    public void addListener(Consumer<List<SavedHost>> listener) {
        listeners.add(listener);
    }

    /** Removes a listener added with {@link #addListener}. */
    public void removeListener(Consumer<List<SavedHost>> listener) {
        listeners.remove(listener);
    }

    /** Writes pending changes now (blocking). */
    public void flush() throws IOException {
        file.flush();
    }

    /** The last failed background save, if any (e.g. disk full), to show the user. */
    public Optional<IOException> lastSaveError() {
        return file.lastError();
    }

    /** Flushes and stops the save thread. */
    @Override
    public void close() {
        file.close();
    }
}
