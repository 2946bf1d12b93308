package dev.skiff.app.sftp;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Drag-out from the remote pane to the OS file manager. JavaFX wants real files on the dragboard
 * when the drag starts, so each drag gets a private directory (0700) under a base directory, the
 * dragboard names the paths the items will have there, and the downloads start at once through the
 * transfer queue (the user sees their progress). An item appears under its final name only when it
 * is complete: a file downloads to a hidden partial name, a folder into a hidden staging folder,
 * and each is renamed atomically when done; so a drop target that reads too early finds nothing
 * rather than a truncated file. A cancelled or failed download leaves nothing under the final name.
 * Drag directories are removed when the app exits and, when older than {@link #STALE}, at the next
 * drag.
 *
 * <p>Threads: FX thread (the queue's {@code fx} executor); file-system work beyond creating the
 * drag directory runs on {@code workers}.
 */
public final class DragOutStaging {
    static final Duration STALE = Duration.ofHours(24);
    static final String PREFIX = "drag-";
    private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;
    private final TransferQueue queue;
    private final Path base;
    private final Executor workers;
    private final Executor fx;
    private final Consumer<String> notice;
    private Batch current;

    /**
     * @param base where drag directories go (created 0700 when missing)
     * @param notice shows a line in the remote pane (FX thread)
     */
    public DragOutStaging(TransferQueue queue, Path base, Executor workers, Executor fx, Consumer<String> notice) {
        this.queue = queue;
        this.base = base;
        this.workers = workers;
        this.fx = fx;
        this.notice = notice;
    }

    /**
     * The per-user base: {@code $XDG_CACHE_HOME/skiff/drag-out} (else {@code ~/.cache/...}) on
     * Linux and other Unixes, the per-user temp directory on macOS and Windows.
     */
    public static Path defaultBase() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac") || os.contains("win")) {
            return Path.of(System.getProperty("java.io.tmpdir"), "skiff-drag-out");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("skiff").resolve("drag-out");
    }

    /** The drag under way (started, not yet dropped), or null. */
    public Batch current() {
        return current;
    }

    /**
     * Starts a drag of remote {@code entries}: creates the drag directory and queues the downloads.
     * The returned batch's {@link Batch#files()} go on the dragboard.
     */
    public Batch start(List<FileEntry> entries) throws IOException {
        Path dir = createDragDir();
        workers.execute(this::removeStale);
        Batch b = new Batch(dir);
        for (FileEntry e : entries) {
            Path part = dir.resolve("." + e.name() + ".skiff-part");
            TransferRequest r = new TransferRequest(false, e.path(), part.toString(), e.directory(),
                    e.directory() ? -1 : e.size(), false);
            b.add(new Staged(e.name(), dir.resolve(e.name()), part, queue.enqueue(r)));
        }
        current = b;
        return b;
    }

    /** The drop landed inside the browser (the other pane copies by itself): drops the drag's downloads. */
    public void droppedInApp() {
        if (current != null) {
            current.discard();
        }
    }

    /**
     * The drag ended: not accepted anywhere → its downloads are dropped; accepted outside the
     * browser while still downloading → the remote pane says where the copy will be.
     */
    public void dragDone(Batch b, boolean accepted) {
        if (current == b) {
            current = null;
        }
        if (b.discarded) {
            return;
        }
        if (!accepted) {
            b.discard();
            return;
        }
        List<Staged> pending = b.pending();
        if (!pending.isEmpty()) {
            b.told = true;
            String what = pending.size() == 1 ? pending.get(0).name + " is" : pending.get(0).name + " and "
                    + (pending.size() - 1) + " more are";
            notice.accept("Dragged out: " + what + " still downloading to " + b.dir + "; "
                    + (pending.size() == 1 ? "it" : "they") + " will be complete there");
        }
    }

    private Path createDragDir() throws IOException {
        boolean posix = base.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(base)) {
            Files.createDirectories(base);
        }
        Path dir;
        if (posix) {
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
            dir = Files.createTempDirectory(base, PREFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            dir = Files.createTempDirectory(base, PREFIX);
        }
        CREATED.add(dir);
        hookExit();
        return dir;
    }

    private static synchronized void hookExit() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(DragOutStaging::deleteQuietly),
                    "skiff-drag-out-cleanup"));
        }
    }

    /** Removes drag directories older than {@link #STALE} (left by a crash or a killed app). Workers. */
    void removeStale() {
        Instant cutoff = Instant.now().minus(STALE);
        try (var s = Files.list(base)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().startsWith(PREFIX) && !CREATED.contains(p)
                        && Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException ignored) {
            // nothing to clean, or not readable: next drag tries again
        }
    }

    /** Deletes a file or tree without following links; failures are left for the stale sweep. */
    static void deleteQuietly(Path p) {
        try {
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a file still open elsewhere: the stale sweep gets it later
        }
    }

    /** One remote item of a drag: its queue row, hidden partial path and final path. */
    private static final class Staged {
        final String name;
        final Path target;
        final Path part;
        final TransferItem item;
        volatile boolean complete;

        Staged(String name, Path target, Path part, TransferItem item) {
            this.name = name;
            this.target = target;
            this.part = part;
            this.item = item;
        }
    }

    /** The items of one drag. FX thread, except {@link #complete()} (any thread). */
    public final class Batch {
        private final Path dir;
        private final List<Staged> items = new ArrayList<>();
        private final Map<TransferItem, Staged> byItem = new ConcurrentHashMap<>();
        private volatile boolean discarded;
        private boolean removed;
        private boolean told;

        private Batch(Path dir) {
            this.dir = dir;
        }

        private void add(Staged s) {
            items.add(s);
            byItem.put(s.item, s);
            s.item.stateProperty().addListener((o, was, now) -> changed(s, now));
            changed(s, s.item.state());
        }

        /** The drag directory. */
        public Path dir() {
            return dir;
        }

        /** The final paths of the items, for the dragboard (they exist once complete). */
        public List<Path> files() {
            return items.stream().map(s -> s.target).toList();
        }

        /** The queue rows downloading the items. */
        public List<TransferItem> transfers() {
            return items.stream().map(s -> s.item).toList();
        }

        /** Every item is under its final name. */
        public boolean complete() {
            return items.stream().allMatch(s -> s.complete);
        }

        /** Dropped inside the browser or cancelled: its downloads were stopped and removed. */
        public boolean discarded() {
            return discarded;
        }

        private List<Staged> pending() {
            return items.stream().filter(s -> !s.complete).toList();
        }

        private void discard() {
            discarded = true;
            for (Staged s : items) {
                queue.cancel(s.item);
                forget(s);
            }
        }

        private void changed(Staged s, TransferState now) {
            if (discarded) {
                forget(s);
            } else if (now == TransferState.DONE) {
                workers.execute(() -> publish(s));
            } else if (now == TransferState.FAILED || now == TransferState.CANCELLED) {
                workers.execute(() -> deleteQuietly(s.part));
            }
        }

        /**
         * A discarded item's row leaves the queue once it has stopped (later: not while the queue
         * iterates), and the drag directory goes once every item has stopped writing into it.
         */
        private void forget(Staged s) {
            if (s.item.state().finished()) {
                fx.execute(() -> queue.items().remove(s.item));
            }
            if (!removed && items.stream().allMatch(i -> i.item.state().finished())) {
                removed = true;
                workers.execute(() -> deleteQuietly(dir));
            }
        }

        /** Workers: the partial file or staging folder takes its final name in one step. */
        private void publish(Staged s) {
            if (discarded) {
                return;
            }
            try {
                Files.move(s.part, s.target, StandardCopyOption.ATOMIC_MOVE);
                s.complete = true;
                fx.execute(() -> {
                    if (told && complete()) {
                        notice.accept("Dragged out: " + (items.size() == 1 ? items.get(0).name + " is" : "all "
                                + items.size() + " items are") + " complete in " + dir);
                    }
                });
            } catch (IOException e) {
                if (discarded) {
                    return;
                }
                fx.execute(() -> notice.accept("Dragged out: " + s.name + " could not be put in place: " + ErrorText.of(e)));
            }
        }
    }
}
