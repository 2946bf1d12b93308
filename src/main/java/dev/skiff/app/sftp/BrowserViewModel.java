package dev.skiff.app.sftp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The two panes (local left, remote right) and the transfer queue of one browser tab; copies
 * between the panes become queue items after conflicts are settled.
 *
 * <p>Threads: FX thread only; existence checks run on {@code workers}.
 */
public final class BrowserViewModel {
    private final PaneViewModel local;
    private final PaneViewModel remote;
    private final TransferQueue queue;
    private final Executor workers;
    private final Executor fx;
    private final ObjectProperty<TransferSettings> settings;
    private ConflictResolver resolver;
    private RemoteEditor editor;
    private DragOutStaging dragOut;

    public BrowserViewModel(PaneViewModel local, PaneViewModel remote, TransferQueue queue, TransferSettings settings,
            ConflictResolver resolver, Executor workers, Executor fx) {
        this.local = local;
        this.remote = remote;
        this.queue = queue;
        this.workers = workers;
        this.fx = fx;
        this.resolver = resolver;
        this.settings = new SimpleObjectProperty<>(settings);
        queue.parallelProperty().set(settings.parallel());
        this.settings.addListener((o, a, b) -> queue.parallelProperty().set(b.parallel()));
        queue.setOnFinished(this::finished);
        setDragOutBase(DragOutStaging.defaultBase());
    }

    public PaneViewModel local() {
        return local;
    }

    public PaneViewModel remote() {
        return remote;
    }

    public TransferQueue queue() {
        return queue;
    }

    public ObjectProperty<TransferSettings> settingsProperty() {
        return settings;
    }

    public void setConflictResolver(ConflictResolver r) {
        resolver = r;
    }

    /** Edits remote files in the local editor (null when not available). */
    public RemoteEditor editor() {
        return editor;
    }

    public void setEditor(RemoteEditor e) {
        editor = e;
    }

    /** Downloads for drags from the remote pane out to the OS file manager. */
    public DragOutStaging dragOut() {
        return dragOut;
    }

    /** Where drag-out downloads go (default {@link DragOutStaging#defaultBase()}; tests use their own). */
    public void setDragOutBase(java.nio.file.Path base) {
        dragOut = new DragOutStaging(queue, base, workers, fx, remote::showNotice);
    }

    public PaneViewModel other(PaneViewModel pane) {
        return pane == local ? remote : local;
    }

    /**
     * Copies {@code entries} from {@code from} into the other pane's current directory (F5, drag
     * and drop). Completes with the queued items once every conflict has been answered.
     */
    public CompletableFuture<List<TransferItem>> copy(PaneViewModel from, List<FileEntry> entries) {
        PaneViewModel to = other(from);
        boolean upload = !from.browser().isRemote();
        String dir = to.path();
        List<TransferRequest> requests = new ArrayList<>();
        for (FileEntry e : entries) {
            requests.add(new TransferRequest(upload, e.path(), to.browser().resolve(dir, e.name()), e.directory(),
                    e.directory() ? -1 : e.size(), false));
        }
        return copyPaths(to, requests);
    }

    /** Uploads local files (dropped from the OS file manager) into the remote pane's directory. */
    public CompletableFuture<List<TransferItem>> uploadLocal(List<java.nio.file.Path> files) {
        List<TransferRequest> requests = new ArrayList<>();
        for (java.nio.file.Path p : files) {
            boolean dir = java.nio.file.Files.isDirectory(p);
            requests.add(new TransferRequest(true, p.toAbsolutePath().toString(),
                    remote.browser().resolve(remote.path(), p.getFileName().toString()), dir,
                    dir ? -1 : p.toFile().length(), false));
        }
        return copyPaths(remote, requests);
    }

    private CompletableFuture<List<TransferItem>> copyPaths(PaneViewModel to, List<TransferRequest> requests) {
        CompletableFuture<List<TransferItem>> done = new CompletableFuture<>();
        workers.execute(() -> {
            List<FileEntry> existing = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (TransferRequest r : requests) {
                try {
                    existing.add(to.browser().statOrNull(r.target()));
                } catch (IOException e) {
                    existing.add(null);
                    errors.add(ErrorText.of(e));
                }
            }
            fx.execute(() -> {
                if (!errors.isEmpty()) {
                    to.showError(errors.get(0));
                }
                settle(to, requests, existing, 0, null, new ArrayList<>(), done);
            });
        });
        return done;
    }

    private void settle(PaneViewModel to, List<TransferRequest> requests, List<FileEntry> existing, int i,
            ConflictChoice all, List<TransferItem> out, CompletableFuture<List<TransferItem>> done) {
        for (int k = i; k < requests.size(); k++) {
            TransferRequest r = requests.get(k);
            FileEntry there = existing.get(k);
            if (there == null) {
                out.add(queue.enqueue(r));
                continue;
            }
            ConflictChoice policy = all != null ? all : settings.get().conflict();
            if (policy == ConflictChoice.ASK) {
                int next = k;
                resolver.ask(r, there).exceptionally(x -> new ConflictResolver.Answer(ConflictChoice.SKIP, false))
                        .thenAccept(a -> fx.execute(() -> {
                            out.add(apply(to, r, a.choice()));
                            settle(to, requests, existing, next + 1, a.applyToAll() ? a.choice() : all, out, done);
                        }));
                return;
            }
            out.add(apply(to, r, policy));
        }
        done.complete(out);
    }

    private TransferItem apply(PaneViewModel to, TransferRequest r, ConflictChoice choice) {
        switch (choice) {
            case SKIP:
                return queue.skipped(r);
            case RESUME:
                return queue.enqueue(r.withResume(true));
            case RENAME:
                return queue.enqueue(r.withTarget(freeName(to, r.target())));
            default:
                return queue.enqueue(r);
        }
    }

    private String freeName(PaneViewModel to, String target) {
        Set<String> taken = new HashSet<>();
        to.entries().forEach(e -> taken.add(e.name()));
        queue.items().forEach(i -> taken.add(Paths.fileName(i.request().target())));
        String name = Paths.fileName(target);
        String dir = Paths.parent(target);
        for (int n = 1;; n++) {
            String candidate = Paths.numbered(name, n);
            if (!taken.contains(candidate)) {
                return to.browser().resolve(dir, candidate);
            }
        }
    }

    private void finished(TransferItem item) {
        TransferRequest r = item.request();
        PaneViewModel to = r.upload() ? remote : local;
        if (item.state() == TransferState.FAILED) {
            to.showError((r.upload() ? "Upload of " : "Download of ") + r.name() + " failed: " + item.errorProperty().get());
            return;
        }
        if (to.path().equals(Paths.parent(r.target()))) {
            to.reload();
        }
    }
}
