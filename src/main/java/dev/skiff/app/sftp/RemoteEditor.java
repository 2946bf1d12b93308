package dev.skiff.app.sftp;

import dev.skiff.ssh.sftp.transfer.Cancellation;
import dev.skiff.ssh.sftp.transfer.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * "Edit in local editor": downloads a remote file to a private temp directory, opens it with the
 * desktop's default application, and uploads every save (the transferer is atomic: temp name +
 * rename). If the remote file changed since it was downloaded or last uploaded, {@code askOverwrite}
 * decides (the user is asked) before anything is overwritten.
 *
 * <p>Threads: {@link #edit} on the FX thread; downloads, uploads and the opener run on
 * {@code workers}; a daemon thread polls the temp files every {@link #POLL_MS} ms; messages and
 * questions come back through {@code fx}.
 */
public final class RemoteEditor implements AutoCloseable {
    static final long POLL_MS = 400;
    private final FileBrowser remote;
    private final Transferer atomic;
    private final Executor workers;
    private final Executor fx;
    private final Consumer<Path> opener;
    private final BiFunction<String, String, CompletableFuture<Boolean>> askOverwrite;
    private final Consumer<String> notify;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skiff-edit-watch");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param atomic a transferer whose uploads are atomic
     * @param opener opens a local file in the desktop's editor (called on a worker)
     * @param askOverwrite (remote path, why) → whether to overwrite; called on the FX thread
     * @param notify a one-line status for the user; called on the FX thread
     */
    public RemoteEditor(FileBrowser remote, Transferer atomic, Executor workers, Executor fx, Consumer<Path> opener,
            BiFunction<String, String, CompletableFuture<Boolean>> askOverwrite, Consumer<String> notify) {
        this.remote = remote;
        this.atomic = atomic;
        this.workers = workers;
        this.fx = fx;
        this.opener = opener;
        this.askOverwrite = askOverwrite;
        this.notify = notify;
    }

    /** The local copy of {@code remotePath} being edited, or null. */
    public Path localCopy(String remotePath) {
        Session s = sessions.get(remotePath);
        return s == null ? null : s.local;
    }

    /** Opens {@code e} for editing; a second call for the same file just opens the copy again. */
    public CompletableFuture<Path> edit(FileEntry e) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                Session s = sessions.get(e.path());
                if (s == null) {
                    s = start(e);
                }
                opener.accept(s.local);
                Path p = s.local;
                fx.execute(() -> notify.accept("Editing " + e.name() + " locally; saves are uploaded"));
                done.complete(p);
            } catch (IOException | RuntimeException x) {
                fx.execute(() -> notify.accept("Edit " + e.name() + ": " + ErrorText.of(x)));
                done.completeExceptionally(x);
            }
        });
        return done;
    }

    private Session start(FileEntry e) throws IOException {
        Path dir = Files.createTempDirectory("skiff-edit");
        Path local = dir.resolve(e.name());
        FileEntry before = remote.stat(e.path());
        atomic.transfer(new TransferRequest(false, e.path(), local.toString(), false, before.size(), false),
                ProgressListener.NONE, new Cancellation());
        Session s = new Session(e.path(), local, before);
        sessions.put(e.path(), s);
        s.task = poller.scheduleWithFixedDelay(s::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
        return s;
    }

    /** Stops watching (the temp copies are removed). */
    @Override
    public void close() {
        poller.shutdownNow();
        for (Session s : sessions.values()) {
            try {
                Files.deleteIfExists(s.local);
                Files.deleteIfExists(s.local.getParent());
            } catch (IOException ignored) {
                // a temp file the editor still holds: the OS cleans the temp directory
            }
        }
        sessions.clear();
    }

    private final class Session {
        final String remotePath;
        final Path local;
        volatile FileEntry known;
        FileTime seen;
        long seenSize;
        volatile boolean busy;
        ScheduledFuture<?> task;

        Session(String remotePath, Path local, FileEntry known) throws IOException {
            this.remotePath = remotePath;
            this.local = local;
            this.known = known;
            this.seen = Files.getLastModifiedTime(local);
            this.seenSize = Files.size(local);
        }

        /** Poller thread: a changed, settled local file starts an upload on a worker. */
        void poll() {
            try {
                if (busy || !Files.exists(local)) {
                    return;
                }
                FileTime t = Files.getLastModifiedTime(local);
                long size = Files.size(local);
                if (t.equals(seen) && size == seenSize) {
                    return;
                }
                seen = t;
                seenSize = size;
                busy = true;
                workers.execute(this::check);
            } catch (IOException ignored) {
                // the editor is replacing the file; next poll
            }
        }

        private void check() {
            try {
                FileEntry now = remote.statOrNull(remotePath);
                if (now != null && changed(now)) {
                    fx.execute(() -> askOverwrite.apply(remotePath, "The file on the server changed since it was opened.")
                            .exceptionally(x -> false)
                            .thenAccept(yes -> workers.execute(yes ? this::upload : () -> busy = false)));
                } else {
                    upload();
                }
            } catch (IOException | RuntimeException x) {
                busy = false;
                fx.execute(() -> notify.accept("Upload of " + Paths.fileName(remotePath) + " failed: " + ErrorText.of(x)));
            }
        }

        private boolean changed(FileEntry now) {
            return now.size() != known.size() || !Objects.equals(now.modified(), known.modified());
        }

        private void upload() {
            try {
                atomic.transfer(new TransferRequest(true, local.toString(), remotePath, false, Files.size(local), false),
                        ProgressListener.NONE, new Cancellation());
                known = remote.stat(remotePath);
                fx.execute(() -> notify.accept("Uploaded " + Paths.fileName(remotePath)));
            } catch (IOException | RuntimeException x) {
                fx.execute(() -> notify.accept("Upload of " + Paths.fileName(remotePath) + " failed: " + ErrorText.of(x)));
            } finally {
                busy = false;
            }
        }
    }

    /** Opens a file with the desktop's default application ({@code xdg-open}, or {@code open} on macOS). */
    public static void openWithDesktop(Path file) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String cmd = os.contains("mac") ? "open" : os.contains("win") ? "explorer" : "xdg-open";
        try {
            new ProcessBuilder(cmd, file.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start " + cmd, e);
        }
    }
}
