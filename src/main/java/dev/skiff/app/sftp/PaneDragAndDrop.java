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
 * local pane carry their files, so they can be dropped into the OS file manager too. FX thread.
 */
final class PaneDragAndDrop {
    static final DataFormat PANE = format("application/x-skiff-sftp-pane");
    private final PaneViewModel vm;
    private final BrowserViewModel browser;
    private final TableView<FileEntry> table;
    private final String side;
    private final java.util.function.Supplier<List<FileEntry>> otherSelection;

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
            Dragboard db = table.startDragAndDrop(TransferMode.COPY);
            ClipboardContent c = new ClipboardContent();
            c.put(PANE, side);
            if (!vm.browser().isRemote()) {
                c.putFiles(sel.stream().map(f -> new File(f.path())).toList());
            }
            c.putString(String.join("\n", sel.stream().map(FileEntry::path).toList()));
            db.setContent(c);
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
                PaneViewModel from = browser.other(vm);
                browser.copy(from, List.copyOf(otherSelection.get()));
            } else if (ok) {
                browser.uploadLocal(db.getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private boolean accepts(Dragboard db) {
        if (db.hasContent(PANE)) {
            return !side.equals(db.getContent(PANE));
        }
        return vm.browser().isRemote() && db.hasFiles();
    }
}
