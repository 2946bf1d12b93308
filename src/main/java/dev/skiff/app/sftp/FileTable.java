package dev.skiff.app.sftp;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The file list of a pane: name (with icon), size (human), modified, permissions, owner, group;
 * sortable by any column, directories always first. FX thread only.
 */
final class FileTable {
    private static final Comparator<FileEntry> DIRS_FIRST = Comparator.comparing(e -> !e.directory());
    private static final Comparator<FileEntry> BY_NAME = Comparator.comparing(FileEntry::name, String.CASE_INSENSITIVE_ORDER);

    private static final double NAME_WIDTH = 180;
    private static final double SCROLLBAR_ROOM = 18;

    private FileTable() {
    }

    static TableView<FileEntry> create(PaneViewModel vm) {
        TableView<FileEntry> t = new TableView<>();
        t.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // columns keep their widths (a narrow pane scrolls sideways, as in WinSCP); the name column
        // takes whatever room the others leave, and the header's menu hides columns
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        t.setTableMenuButtonVisible(true);
        t.setPlaceholder(new Label("Empty folder"));
        t.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, "file-table");
        TableColumn<FileEntry, FileEntry> name = new TableColumn<>("Name");
        name.setId("col-name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setComparator(BY_NAME);
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FileEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.name());
                setGraphic(empty || e == null ? null : FileIcons.icon(e));
            }
        });
        name.setPrefWidth(NAME_WIDTH);
        name.setMinWidth(80);
        TableColumn<FileEntry, Long> size = column("Size", "col-size", FileEntry::size, 80);
        size.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Formats.size(v));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        TableColumn<FileEntry, java.time.Instant> modified = column("Modified", "col-modified", FileEntry::modified, 130);
        modified.setMinWidth(132);
        modified.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        modified.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(java.time.Instant v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : Formats.date(v));
            }
        });
        TableColumn<FileEntry, String> perms = column("Permissions", "col-perms",
                e -> Formats.permissions(e.permissions(), e.directory()), 95);
        perms.getStyleClass().add("mono");
        perms.setMinWidth(96);
        TableColumn<FileEntry, String> owner = column("Owner", "col-owner", FileEntry::owner, 70);
        TableColumn<FileEntry, String> group = column("Group", "col-group", FileEntry::group, 70);
        t.getColumns().setAll(java.util.List.of(name, size, modified, perms, owner, group));
        Runnable fitName = () -> {
            double others = t.getVisibleLeafColumns().stream().filter(c -> c != name).mapToDouble(TableColumn::getWidth).sum();
            name.setPrefWidth(Math.max(NAME_WIDTH, t.getWidth() - others - SCROLLBAR_ROOM));
        };
        t.widthProperty().addListener(o -> fitName.run());
        t.getVisibleLeafColumns().addListener((javafx.collections.ListChangeListener<TableColumn<FileEntry, ?>>) c -> fitName.run());

        SortedList<FileEntry> sorted = new SortedList<>(vm.visible(), DIRS_FIRST.thenComparing(BY_NAME));
        t.setItems(sorted);
        t.setSortPolicy(table -> {
            Comparator<FileEntry> c = table.getComparator();
            sorted.setComparator(DIRS_FIRST.thenComparing(c == null ? BY_NAME : c));
            return true;
        });
        return t;
    }

    private static <T> TableColumn<FileEntry, T> column(String title, String id, Function<FileEntry, T> value, double width) {
        TableColumn<FileEntry, T> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
