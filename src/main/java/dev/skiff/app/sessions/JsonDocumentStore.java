package dev.skiff.app.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One versioned JSON document in a file: loaded once, saved debounced and atomically. A file that
 * cannot be parsed, or that a newer Skiff wrote, is renamed aside (never overwritten) and the load
 * result says so. Thread-safe; {@link #save} never blocks on I/O, {@link #flush} does.
 *
 * @param <T> the document type
 */
final class JsonDocumentStore<T extends Versioned> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JsonDocumentStore.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final Class<T> type;
    private final String what;
    private final Duration debounce;
    private final ScheduledExecutorService scheduler;
    private T pending;
    private ScheduledFuture<?> scheduled;
    private IOException lastError;

    /**
     * @param what what the file holds, for messages ("saved hosts")
     * @param debounce how long a save waits for further saves before writing
     */
    JsonDocumentStore(Path file, Class<T> type, String what, Duration debounce) {
        this.file = file;
        this.type = type;
        this.what = what;
        this.debounce = debounce;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skiff-save-" + file.getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads the file; a missing file gives {@code empty} without a problem. Blocking. */
    LoadResult<T> load(Supplier<T> empty) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new LoadResult<>(empty.get(), Optional.empty());
        } catch (IOException e) {
            return new LoadResult<>(empty.get(), Optional.of("Your " + what + " could not be read from " + file
                    + " (" + e.getMessage() + "). Changes will be saved to a new file."));
        }
        T current = empty.get();
        try {
            JsonNode tree = Json.MAPPER.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new IOException("not a JSON object");
            }
            int version = tree.path("version").asInt(current.currentVersion());
            if (version > current.currentVersion()) {
                Path aside = setAside("v" + version);
                return new LoadResult<>(current, Optional.of("Your " + what + " file was written by a newer version of"
                        + " Skiff (format " + version + "). It was kept unchanged as " + aside.getFileName()
                        + "; this version starts with an empty list."));
            }
            return new LoadResult<>(Json.MAPPER.treeToValue(tree, type), Optional.empty());
        } catch (IOException | RuntimeException e) {
            Path aside;
            try {
                aside = setAside("corrupt");
            } catch (IOException moveFailed) {
                return new LoadResult<>(current, Optional.of("Your " + what + " file " + file + " is damaged and could"
                        + " not be moved aside (" + moveFailed.getMessage() + ")."));
            }
            LOG.log(System.Logger.Level.WARNING, "unreadable " + file + " kept as " + aside + ": " + e.getMessage());
            return new LoadResult<>(current, Optional.of("Your " + what + " file was damaged and could not be read. It"
                    + " was kept as " + aside.getFileName() + " in " + file.getParent() + "; Skiff starts with an"
                    + " empty list."));
        }
    }

    private Path setAside(String reason) throws IOException {
        String base = file.getFileName() + "." + reason + "-" + LocalDateTime.now().format(STAMP);
        Path aside = file.resolveSibling(base);
        for (int i = 1; Files.exists(aside); i++) {
            aside = file.resolveSibling(base + "-" + i);
        }
        Files.move(file, aside);
        return aside;
    }

    /** Schedules {@code value} to be written after the debounce delay; later saves replace it. */
    synchronized void save(T value) {
        pending = value;
        if (scheduled == null || scheduled.isDone()) {
            scheduled = scheduler.schedule(this::writePendingLogged, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Writes any pending value now. Blocking. */
    void flush() throws IOException {
        writePending();
    }

    /** The last failed background write, if any. */
    synchronized Optional<IOException> lastError() {
        return Optional.ofNullable(lastError);
    }

    private void writePendingLogged() {
        try {
            writePending();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "could not save " + file + ": " + e.getMessage());
        }
    }

    private synchronized void writePending() throws IOException {
        if (pending == null) {
            return;
        }
        T value = pending;
        pending = null;
        try {
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(value));
            lastError = null;
        } catch (IOException e) {
            lastError = e;
            if (pending == null) {
                pending = value;
            }
            throw e;
        }
    }

    /** Flushes and stops the background thread. */
    @Override
    public void close() {
        try {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            scheduler.shutdown();
        }
    }
}
