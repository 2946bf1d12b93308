package dev.skiff.app.sftp;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * One pane of the browser (local or remote, through a {@link FileBrowser}): current directory,
 * history, listing, hidden-files toggle, quick filter, error line, and the file operations.
 *
 * <p>Threads: properties belong to the FX thread (the {@code fx} executor, Platform::runLater in
 * the app); every file-system call runs on the {@code workers} executor and its result comes back
 * through {@code fx}. The returned futures complete after the pane's state has been updated.
 */
public final class PaneViewModel {
    private final FileBrowser fs;
    private final Executor workers;
    private final Executor fx;
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper("");
    private final ObservableList<FileEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<FileEntry> visible = new FilteredList<>(entries);
    private final BooleanProperty showHidden = new SimpleBooleanProperty(false);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canForward = new ReadOnlyBooleanWrapper(false);
    private final Deque<String> back = new ArrayDeque<>();
    private final Deque<String> forward = new ArrayDeque<>();

    public PaneViewModel(FileBrowser fs, Executor workers, Executor fx) {
        this.fs = fs;
        this.workers = workers;
        this.fx = fx;
        visible.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            boolean hidden = showHidden.get();
            String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
            return e -> (hidden || !e.hidden()) && (f.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(f));
        }, showHidden, filter));
        entries.addListener((javafx.collections.ListChangeListener<FileEntry>) c -> updateStatus());
        visible.addListener((javafx.collections.ListChangeListener<FileEntry>) c -> updateStatus());
    }

    public FileBrowser browser() {
        return fs;
    }

    public ReadOnlyStringProperty pathProperty() {
        return path.getReadOnlyProperty();
    }

    public String path() {
        return path.get();
    }

    /** All entries of the current directory. */
    public ObservableList<FileEntry> entries() {
        return entries;
    }

    /** The entries after the hidden-files toggle and the quick filter. */
    public FilteredList<FileEntry> visible() {
        return visible;
    }

    public BooleanProperty showHiddenProperty() {
        return showHidden;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The last error shown in the pane ("" when none). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canForwardProperty() {
        return canForward.getReadOnlyProperty();
    }

    /** Shows an error line in the pane (FX thread). */
    public void showError(String text) {
        error.set(text == null ? "" : text);
    }

    /** A passing message (e.g. "Uploaded notes.txt"), shown next to the status line (FX thread). */
    public void showNotice(String text) {
        notice.set(text == null ? "" : text);
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void clearError() {
        error.set("");
    }

    private void updateStatus() {
        long files = entries.stream().filter(e -> !e.directory()).count();
        long bytes = entries.stream().filter(e -> !e.directory()).mapToLong(e -> Math.max(0, e.size())).sum();
        int hidden = entries.size() - visible.size();
        long dirs = entries.size() - files;
        status.set(dirs + (dirs == 1 ? " folder, " : " folders, ") + files + (files == 1 ? " file, " : " files, ")
                + Formats.size(bytes)
                + (hidden > 0 ? " (" + hidden + " not shown)" : ""));
    }

    // ------------------------------------------------------------ navigation

    /** Goes to the start directory. */
    public CompletableFuture<Boolean> home() {
        return load(() -> fs.home(), true);
    }

    /** Goes to {@code target} (absolute, or relative to the current directory), recording history. */
    public CompletableFuture<Boolean> navigate(String target) {
        String t = target.trim();
        String abs = t.startsWith("/") ? t : fs.resolve(path.get().isEmpty() ? "/" : path.get(), t);
        return load(() -> fs.canonical(abs), true);
    }

    public CompletableFuture<Boolean> refresh() {
        String p = path.get();
        return p.isEmpty() ? home() : load(() -> p, false);
    }

    /** Re-reads the current directory keeping the error line (after a transfer lands here). */
    public CompletableFuture<Boolean> reload() {
        String p = path.get();
        return p.isEmpty() ? home() : load(() -> p, false, false);
    }

    public CompletableFuture<Boolean> up() {
        return path.get().isEmpty() ? CompletableFuture.completedFuture(false) : navigate(fs.parent(path.get()));
    }

    public CompletableFuture<Boolean> back() {
        if (back.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        forward.push(path.get());
        String target = back.pop();
        return load(() -> target, false);
    }

    public CompletableFuture<Boolean> forward() {
        if (forward.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        back.push(path.get());
        String target = forward.pop();
        return load(() -> target, false);
    }

    /** Opens a directory entry (navigates into it); files are left to the view (edit/download). */
    public CompletableFuture<Boolean> open(FileEntry e) {
        return e.directory() ? navigate(e.path()) : CompletableFuture.completedFuture(false);
    }

    private interface PathSource {
        String get() throws IOException;
    }

    private CompletableFuture<Boolean> load(PathSource target, boolean record) {
        return load(target, record, true);
    }

    private CompletableFuture<Boolean> load(PathSource target, boolean record, boolean clearError) {
        busy.set(true);
        String from = path.get();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                String dir = target.get();
                List<FileEntry> list = fs.list(dir);
                fx.execute(() -> {
                    if (record && !from.isEmpty() && !from.equals(dir)) {
                        back.push(from);
                        forward.clear();
                    }
                    path.set(dir);
                    entries.setAll(list);
                    if (clearError) {
                        error.set("");
                    }
                    finish(done, true);
                });
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> {
                    error.set(ErrorText.of(e));
                    finish(done, false);
                });
            }
        });
        return done;
    }

    private void finish(CompletableFuture<Boolean> done, boolean ok) {
        busy.set(false);
        canBack.set(!back.isEmpty());
        canForward.set(!forward.isEmpty());
        done.complete(ok);
    }

    // ------------------------------------------------------------ operations

    public CompletableFuture<OperationReport> mkdir(String name) {
        String target = fs.resolve(path.get(), name);
        return operate("New folder", ops -> ops.single(() -> fs.mkdir(target)));
    }

    public CompletableFuture<OperationReport> newFile(String name) {
        String target = fs.resolve(path.get(), name);
        return operate("New file", ops -> ops.single(() -> fs.createFile(target)));
    }

    public CompletableFuture<OperationReport> rename(FileEntry e, String newName) {
        String target = fs.resolve(fs.parent(e.path()), newName);
        return operate("Rename", ops -> ops.single(() -> fs.rename(e.path(), target)));
    }

    /** Deletes the entries, directories recursively; the caller has asked the user to confirm. */
    public CompletableFuture<OperationReport> delete(List<FileEntry> items) {
        List<FileEntry> copy = List.copyOf(items);
        return operate("Delete", ops -> ops.delete(copy));
    }

    public CompletableFuture<OperationReport> chmod(List<FileEntry> items, int mode, boolean recursive) {
        List<FileEntry> copy = List.copyOf(items);
        return operate("Permissions", ops -> ops.chmod(copy, mode, recursive));
    }

    private CompletableFuture<OperationReport> operate(String name, Consumer<FileOperations> work) {
        CompletableFuture<OperationReport> done = new CompletableFuture<>();
        busy.set(true);
        workers.execute(() -> {
            FileOperations ops = new FileOperations(fs);
            try {
                work.accept(ops);
            } catch (RuntimeException e) {
                ops.single(() -> {
                    throw new IOException(ErrorText.of(e), e);
                });
            }
            OperationReport r = ops.report(name);
            fx.execute(() -> refresh().whenComplete((ok, x) -> {
                error.set(r.summary());
                done.complete(r);
            }));
        });
        return done;
    }
}
