package dev.skiff.app.sessions;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The saved-hosts sidebar: a search box and a tree of hosts grouped by folder (plus a read-only
 * "From ~/.ssh/config" group). Double-click or Enter connects; the context menu offers Connect,
 * Open files, Edit, Duplicate, Delete (confirmed) and Copy ssh command. Ids: {@code #hosts-sidebar},
 * {@code #hosts-search}, {@code #hosts-tree}, {@code #hosts-add}.
 *
 * <p>FX thread only.
 */
public final class HostsSidebar {
    /** Title of the read-only group. */
    public static final String CONFIG_GROUP = "From ~/.ssh/config";

    private final HostsSidebarViewModel vm;
    private final HostsSidebarListener listener;
    private final VBox root = new VBox();
    private final CustomTextField search = new CustomTextField();
    private final TreeView<SidebarEntry> tree = new TreeView<>(new TreeItem<>());

    public HostsSidebar(HostsSidebarViewModel vm, HostsSidebarListener listener) {
        this.vm = vm;
        this.listener = listener;
        root.setId("hosts-sidebar");
        root.getStyleClass().add("hosts-sidebar");

        Label title = new Label("Hosts");
        title.getStyleClass().add(Styles.TITLE_4);
        Button add = new Button(null, new FontIcon(Feather.PLUS));
        add.setId("hosts-add");
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        add.setTooltip(new Tooltip("New host"));
        add.setOnAction(e -> edit(null));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        MenuButton more = new HostsFileActions(vm.store(), this::window).menuButton();
        HBox header = new HBox(4, title, gap, add, more);
        header.setAlignment(Pos.CENTER_LEFT);

        search.setId("hosts-search");
        search.setPromptText("Search hosts");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.textProperty().bindBidirectional(vm.filterProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                tree.requestFocus();
                tree.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ENTER) {
                firstVisibleHost().ifPresent(listener::onConnect);
            }
        });

        tree.setId("hosts-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new HostTreeCell(this::menuFor));
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                selectedHost().ifPresent(listener::onConnect);
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                selectedHost().ifPresent(listener::onConnect);
            } else if (e.getCode() == KeyCode.DELETE) {
                selectedHost().filter(h -> !vm.isReadOnly(h)).ifPresent(this::confirmDelete);
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                vm.selectedProperty().set(b != null && b.getValue() != null ? b.getValue().host() : null));
        VBox.setVgrow(tree, Priority.ALWAYS);

        root.setSpacing(8);
        root.setPadding(new Insets(8));
        root.getChildren().addAll(header, search, tree);
        vm.filteredSavedHosts().addListener((ListChangeListener<SavedHost>) c -> rebuild());
        vm.filteredConfigHosts().addListener((ListChangeListener<SavedHost>) c -> rebuild());
        rebuild();
    }

    /** The sidebar's node, to put in the main window. */
    public Parent node() {
        return root;
    }

    public HostsSidebarViewModel viewModel() {
        return vm;
    }

    /** Puts the keyboard focus in the search box. */
    public void focusSearch() {
        search.requestFocus();
    }

    /** Opens the editor for {@code host}, or for a new host when null; saves on "Save". */
    public void edit(SavedHost host) {
        if (listener.onEdit(host)) {
            return;
        }
        HostEditorDialog dialog = new HostEditorDialog(new HostEditorViewModel(host), vm.store());
        Window owner = window();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                vm.save(dialog.getResult());
            }
        });
        dialog.show();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void rebuild() {
        String selectedId = selectedHost().map(SavedHost::id).orElse(null);
        TreeItem<SidebarEntry> top = tree.getRoot();
        top.getChildren().clear();
        boolean filtering = !vm.filterProperty().get().isBlank();
        Map<String, TreeItem<SidebarEntry>> folders = new HashMap<>();
        List<TreeItem<SidebarEntry>> loose = new java.util.ArrayList<>();
        for (Map.Entry<String, List<SavedHost>> g : vm.groupedByFolder().entrySet()) {
            TreeItem<SidebarEntry> parent = g.getKey().isEmpty() ? null : folderItem(g.getKey(), folders, top);
            for (SavedHost h : g.getValue()) {
                TreeItem<SidebarEntry> item = new TreeItem<>(SidebarEntry.of(h, false));
                if (parent == null) {
                    loose.add(item);
                } else {
                    parent.getChildren().add(item);
                }
            }
        }
        top.getChildren().addAll(loose);
        List<SavedHost> config = vm.filteredConfigHosts().sorted(HostsSidebarViewModel.displayOrder());
        if (!config.isEmpty()) {
            TreeItem<SidebarEntry> group = new TreeItem<>(SidebarEntry.folder(CONFIG_GROUP, true));
            group.setExpanded(filtering);
            config.forEach(h -> group.getChildren().add(new TreeItem<>(SidebarEntry.of(h, true))));
            top.getChildren().add(group);
        }
        if (selectedId != null) {
            select(top, selectedId);
        }
    }

    private static TreeItem<SidebarEntry> folderItem(String path, Map<String, TreeItem<SidebarEntry>> folders,
            TreeItem<SidebarEntry> top) {
        TreeItem<SidebarEntry> item = folders.get(path);
        if (item != null) {
            return item;
        }
        int slash = path.lastIndexOf('/');
        TreeItem<SidebarEntry> parent = slash <= 0 ? top : folderItem(path.substring(0, slash), folders, top);
        item = new TreeItem<>(SidebarEntry.folder(path.substring(slash + 1), false));
        item.setExpanded(true);
        parent.getChildren().add(item);
        folders.put(path, item);
        return item;
    }

    private boolean select(TreeItem<SidebarEntry> item, String id) {
        for (TreeItem<SidebarEntry> c : item.getChildren()) {
            if ((c.getValue().isHost() && c.getValue().host().id().equals(id)) || select(c, id)) {
                if (c.getValue().isHost()) {
                    tree.getSelectionModel().select(c);
                }
                return true;
            }
        }
        return false;
    }

    private java.util.Optional<SavedHost> selectedHost() {
        TreeItem<SidebarEntry> item = tree.getSelectionModel().getSelectedItem();
        return item == null || item.getValue() == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(item.getValue().host());
    }

    private java.util.Optional<SavedHost> firstVisibleHost() {
        return selectedHost().or(() -> vm.filteredSavedHosts().stream().findFirst())
                .or(() -> vm.filteredConfigHosts().stream().findFirst());
    }

    private ContextMenu menuFor(SidebarEntry entry) {
        SavedHost h = entry.host();
        ContextMenu menu = new ContextMenu(
                item("Connect", Feather.TERMINAL, () -> listener.onConnect(h)),
                item("Open files", Feather.FOLDER, () -> listener.onOpenFiles(h)),
                new SeparatorMenuItem());
        if (entry.readOnly()) {
            menu.getItems().add(item("Save as host", Feather.SAVE, () -> vm.saveConfigHost(h)));
        } else {
            menu.getItems().addAll(item("Edit", Feather.EDIT_2, () -> edit(h)),
                    item("Duplicate", Feather.COPY, () -> vm.duplicate(h)),
                    item("Delete", Feather.TRASH_2, () -> confirmDelete(h)));
        }
        menu.getItems().addAll(new SeparatorMenuItem(), item("Copy ssh command", Feather.CLIPBOARD, () -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(h.sshCommand());
            Clipboard.getSystemClipboard().setContent(c);
        }));
        return menu;
    }

    private static MenuItem item(String text, Feather icon, Runnable action) {
        MenuItem m = new MenuItem(text, new FontIcon(icon));
        m.setId("menu-" + text.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        m.setOnAction(e -> action.run());
        return m;
    }

    private void confirmDelete(SavedHost h) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "This removes the saved host \"" + h.label()
                + "\" (" + h.host() + ") from the list.",
                ButtonType.CANCEL, ButtonType.OK);
        alert.setTitle("Delete host");
        alert.setHeaderText("Delete \"" + h.label() + "\"?");
        ((Button) alert.getDialogPane().lookupButton(ButtonType.OK)).setText("Delete");
        alert.getDialogPane().lookupButton(ButtonType.OK).setId("confirm-delete");
        alert.initOwner(window());
        alert.setOnHidden(e -> {
            if (alert.getResult() == ButtonType.OK) {
                vm.delete(h);
            }
        });
        alert.show();
    }
}
