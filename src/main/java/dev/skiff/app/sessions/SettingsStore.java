package dev.skiff.app.sessions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@link AppSettings} backed by {@code settings.json}: loaded once, saved debounced and
 * atomically like {@link HostStore}. Thread-safe; listeners run on the changing thread.
 */
public final class SettingsStore implements AutoCloseable {
    private final JsonDocumentStore<AppSettings> file;
    private final Optional<String> loadProblem;
    private final List<Consumer<AppSettings>> listeners = new CopyOnWriteArrayList<>();
    private AppSettings current;

    private SettingsStore(Path path, Duration debounce) {
        file = new JsonDocumentStore<>(path, AppSettings.class, "settings", debounce);
        LoadResult<AppSettings> r = file.load(AppSettings::defaults);
        current = r.value();
        loadProblem = r.problem();
    }

    /** Loads {@code settings.json} from the directory (blocking). */
    public static SettingsStore open(AppDirs dirs) {
        return new SettingsStore(dirs.settingsFile(), HostStore.DEBOUNCE);
    }

    /** Set when the settings file was unusable and kept aside: text to show the user once. */
    public Optional<String> loadProblem() {
        return loadProblem;
    }

    /** The current settings. */
    public synchronized AppSettings get() {
        return current;
    }

    /** Applies a change and schedules a save; returns the new settings. */
    public AppSettings update(UnaryOperator<AppSettings> change) {
        AppSettings next;
        synchronized (this) {
            next = change.apply(current);
            current = next;
            file.save(next);
        }
        for (Consumer<AppSettings> l : listeners) {
            l.accept(next);
        }
        return next;
    }

    /** Calls {@code listener} with the new settings after every change. */
    public void addListener(Consumer<AppSettings> listener) {
        listeners.add(listener);
    }

    /** Writes pending changes now (blocking). */
    public void flush() throws IOException {
        file.flush();
    }

    /** Flushes and stops the save thread. */
    @Override
    public void close() {
        file.close();
    }
}
