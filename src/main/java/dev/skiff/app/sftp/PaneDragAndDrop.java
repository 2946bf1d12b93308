package dev.skiff.app.sftp;

import java.io.File;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drag and drop for a pane: rows dragged to the other pane are copied there (upload or download);
 * files and folders dropped from the OS file manager onto the remote pane are uploaded; rows of the
 * local pane carry their files, so they can be dropped into the OS file manager too. Rows of the
 * remote pane carry the paths they will have in a private temp directory, and their download there
 * starts with the drag ({@link DragOutStaging}); a drop on the local pane copies directly instead
 * and drops that download, as does a drag nobody accepts. FX thread.
 */
final class PaneDragAndDrop {
    static final DataFormat PANE = format("application/x-skiff-sftp-pane");
    private final PaneViewModel vm;
    private final BrowserViewModel browser;
    private final TableView<FileEntry> table;
    private final String side;
    private final java.util.function.Supplier<List<FileEntry>> otherSelection;
    private DragOutStaging.Batch outgoing;

    PaneDragAndDrop(PaneViewModel vm, BrowserViewModel browser, TableView<FileEntry> table, String side,
            java.util.function.Supplier<List<FileEntry>> otherSelection) {
        this.otherSelection = otherSelection;
        this.vm = vm;
        this.browser = browser;
        this.table = table;
        this.side = side;
    }

    private static DataFormat format(String mime) {
        DataFormat f = DataFormat.lookupMimeType(mime);
        return f != null ? f : new DataFormat(mime);
    }

    void install() {
        table.setOnDragDetected(e -> {
            List<FileEntry> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
            if (sel.isEmpty()) {
                return;
            }
            ClipboardContent c = new ClipboardContent();
            c.put(PANE, side);
            if (!vm.browser().isRemote()) {
                c.putFiles(sel.stream().map(f -> new File(f.path())).toList());
            } else {
                stageDragOut(sel, c);
            }
            Dragboard db = table.startDragAndDrop(TransferMode.COPY);
            c.putString(String.join("\n", sel.stream().map(FileEntry::path).toList()));
            db.setContent(c);
            e.consume();
        });
        table.setOnDragDone(e -> {
            if (outgoing != null) {
                browser.dragOut().dragDone(outgoing, e.getTransferMode() != null);
                outgoing = null;
            }
            e.consume();
        });
        table.setOnDragOver(e -> {
            if (accepts(e.getDragboard())) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        table.setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            boolean ok = accepts(db);
            if (ok && db.hasContent(PANE)) {
                browser.dragOut().droppedInApp();
                PaneViewModel from = browser.other(vm);
                browser.copy(from, List.copyOf(otherSelection.get()));
            } else if (ok) {
                browser.uploadLocal(db.getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Remote rows: the files they will be in the drag directory, downloading from now on. */
    private void stageDragOut(List<FileEntry> sel, ClipboardContent c) {
        try {
            outgoing = browser.dragOut().start(sel);
            c.putFiles(outgoing.files().stream().map(java.nio.file.Path::toFile).toList());
        } catch (java.io.IOException | RuntimeException x) {
            outgoing = null;
            vm.showError("Drag out: cannot create a temporary folder: " + ErrorText.of(x));
        }
    }

    private boolean accepts(Dragboard db) {
        if (db.hasContent(PANE)) {
            return !side.equals(db.getContent(PANE));
        }
        return vm.browser().isRemote() && db.hasFiles();
    }
}
