package dev.skiff.app.sftp;

import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The pane's commands (context menu, keys): each asks what it must, then calls the ViewModel. FX thread. */
final class PaneActions {
    private final PaneViewModel vm;
    private final BrowserViewModel browser;
    private final TableView<FileEntry> table;

    PaneActions(PaneViewModel vm, BrowserViewModel browser, TableView<FileEntry> table) {
        this.vm = vm;
        this.browser = browser;
        this.table = table;
    }

    private List<FileEntry> selection() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    /** Directories open in the pane; files are copied to the other pane. */
    void open(FileEntry e) {
        if (e.directory()) {
            vm.open(e);
        } else {
            browser.copy(vm, List.of(e));
        }
    }

    void rename(FileEntry e) {
        Dialogs.text(table, "Rename", "New name:", e.name()).filter(n -> !n.equals(e.name()))
                .ifPresent(n -> vm.rename(e, n));
    }

    void delete(List<FileEntry> items) {
        String what = items.size() == 1 ? "\"" + items.get(0).name() + "\"" : items.size() + " items";
        boolean dirs = items.stream().anyMatch(FileEntry::directory);
        if (Dialogs.confirm(table, "Delete " + what + "?", "This deletes " + what
                + (dirs ? " including everything inside the folders" : "") + " on " + vm.browser().title()
                + ". It cannot be undone.")) {
            vm.delete(items);
        }
    }

    void newFolder() {
        Dialogs.text(table, "New folder", "Name:", "").ifPresent(vm::mkdir);
    }

    void newFile() {
        Dialogs.text(table, "New file", "Name:", "").ifPresent(vm::newFile);
    }

    void permissions(List<FileEntry> items) {
        FileEntry first = items.get(0);
        String what = items.size() == 1 ? first.name() : items.size() + " items";
        PermissionsDialog.show(table, what, first.permissions(), items.stream().anyMatch(FileEntry::directory))
                .ifPresent(r -> vm.chmod(items, r.mode(), r.recursive()));
    }

    void copyPath(List<FileEntry> items) {
        ClipboardContent c = new ClipboardContent();
        c.putString(String.join("\n", items.stream().map(FileEntry::path).toList()));
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    }

    void properties(FileEntry e) {
        Dialogs.info(table, e.name(), "Path: " + e.path() + "\nType: " + (e.link() ? "link to " : "")
                + (e.directory() ? "folder" : "file") + "\nSize: " + (e.size() < 0 ? "—" : Formats.size(e.size())
                + " (" + e.size() + " bytes)") + "\nModified: " + Formats.date(e.modified()) + "\nPermissions: "
                + Formats.permissions(e.permissions(), e.directory()) + " (" + Formats.octal(e.permissions()) + ")"
                + "\nOwner: " + e.owner() + "\nGroup: " + e.group());
    }

    ContextMenu contextMenu() {
        boolean remote = vm.browser().isRemote();
        MenuItem open = item("Open", Feather.FOLDER, null, () -> single(this::open));
        MenuItem edit = item("Edit in local editor", Feather.EDIT, null, () -> single(e -> {
            if (browser.editor() != null && !e.directory()) {
                browser.editor().edit(e);
            }
        }));
        edit.setVisible(remote);
        MenuItem transfer = item(remote ? "Download" : "Upload", remote ? Feather.DOWNLOAD : Feather.UPLOAD,
                new KeyCodeCombination(KeyCode.F5), () -> browser.copy(vm, selection()));
        MenuItem rename = item("Rename", Feather.EDIT_2, new KeyCodeCombination(KeyCode.F2), () -> single(this::rename));
        MenuItem delete = item("Delete", Feather.TRASH_2, new KeyCodeCombination(KeyCode.DELETE), () -> delete(selection()));
        MenuItem mkdir = item("New folder", Feather.FOLDER_PLUS, new KeyCodeCombination(KeyCode.F7), this::newFolder);
        MenuItem touch = item("New file", Feather.FILE_PLUS, null, this::newFile);
        MenuItem perms = item("Permissions…", Feather.LOCK, null, () -> permissions(selection()));
        MenuItem path = item("Copy path", Feather.CLIPBOARD, null, () -> copyPath(selection()));
        MenuItem props = item("Properties", Feather.INFO, null, () -> single(this::properties));
        MenuItem refresh = item("Refresh", Feather.REFRESH_CW, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                vm::refresh);
        ContextMenu m = new ContextMenu(open, edit, transfer, new SeparatorMenuItem(), rename, delete, perms,
                new SeparatorMenuItem(), mkdir, touch, new SeparatorMenuItem(), path, props, refresh);
        m.setOnShowing(e -> {
            int n = table.getSelectionModel().getSelectedItems().size();
            FileEntry one = table.getSelectionModel().getSelectedItem();
            edit.setDisable(n != 1 || one == null || one.directory() || browser.editor() == null);
            for (MenuItem i : List.of(open, rename, props)) {
                i.setDisable(n != 1);
            }
            for (MenuItem i : List.of(transfer, delete, perms, path)) {
                i.setDisable(n == 0);
            }
        });
        return m;
    }

    private void single(java.util.function.Consumer<FileEntry> action) {
        FileEntry e = table.getSelectionModel().getSelectedItem();
        if (e != null) {
            action.accept(e);
        }
    }

    private static MenuItem item(String text, Feather icon, KeyCombination keys, Runnable action) {
        MenuItem i = new MenuItem(text, new FontIcon(icon));
        i.setId("menu-" + text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
        if (keys != null) {
            i.setAccelerator(keys);
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
