package dev.skiff.app.sftp;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The view of one pane: header, navigation toolbar, breadcrumb/editable path bar, error line,
 * file table and status line. Node ids are prefixed with the side ("local-", "remote-"). FX thread.
 */
final class FilePaneView {
    private final PaneViewModel vm;
    private final BrowserViewModel browser;
    private final String side;
    private final VBox root = new VBox();
    private final TableView<FileEntry> table;
    /** The path as buttons; one longer than the bar is aligned right, so its deepest folders show. */
    private final HBox crumbs = new HBox(2) {
        @Override
        protected void layoutChildren() {
            Pos want = prefWidth(-1) > getWidth() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT;
            if (getAlignment() != want) {
                setAlignment(want);
            }
            super.layoutChildren();
        }
    };
    private final TextField pathField = new TextField();
    private final Button follow;
    private final PaneActions actions;
    private FilePaneView other;

    FilePaneView(PaneViewModel vm, BrowserViewModel browser, String side) {
        this.vm = vm;
        this.browser = browser;
        this.side = side;
        this.table = FileTable.create(vm);
        this.actions = new PaneActions(vm, browser, table);
        table.setId(side + "-table");
        root.setId(side + "-pane");
        root.getStyleClass().add("file-pane");

        Label title = new Label(vm.browser().title(), FileIcons.of(vm.browser().isRemote() ? Feather.SERVER : Feather.MONITOR));
        title.getStyleClass().addAll("pane-title", Styles.TEXT_BOLD);
        title.setMinWidth(60); // a long host name gives way (ellipsis) to the filter
        title.setTooltip(new Tooltip(vm.browser().title()));
        Button back = tool(Feather.ARROW_LEFT, "Back (Alt+Left)", "back", () -> vm.back());
        back.disableProperty().bind(vm.canBackProperty().not());
        Button forward = tool(Feather.ARROW_RIGHT, "Forward (Alt+Right)", "forward", () -> vm.forward());
        forward.disableProperty().bind(vm.canForwardProperty().not());
        Button up = tool(Feather.ARROW_UP, "Up (Backspace)", "up", () -> vm.up());
        Button home = tool(Feather.HOME, "Home", "home", () -> vm.home());
        Button refresh = tool(Feather.REFRESH_CW, "Refresh (Ctrl+R)", "refresh", () -> vm.refresh());
        follow = tool(Feather.TERMINAL, "Follow terminal: go to the terminal's directory", "follow", () -> null);
        follow.setVisible(false);
        follow.setManaged(false);
        Button mkdir = tool(Feather.FOLDER_PLUS, "New folder (F7)", "mkdir", () -> {
            actions.newFolder();
            return null;
        });
        ToggleButton hidden = new ToggleButton(null, new FontIcon(Feather.EYE));
        hidden.setId(side + "-hidden");
        hidden.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        hidden.setTooltip(new Tooltip("Show hidden files (Ctrl+H)"));
        hidden.selectedProperty().bindBidirectional(vm.showHiddenProperty());
        TextField filter = new TextField();
        filter.setId(side + "-filter");
        filter.setPromptText("Filter");
        filter.setPrefColumnCount(8);
        filter.setMinWidth(60);
        filter.getStyleClass().add(Styles.SMALL);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // like a file manager: the pane's name and its tools on top, navigation beside the path below
        HBox bar = new HBox(2, title, spacer, mkdir, hidden, filter);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pane-toolbar");
        StackPane path = pathBar();
        HBox.setHgrow(path, Priority.ALWAYS);
        HBox pathBar = new HBox(2, back, forward, up, home, refresh, follow, path);
        pathBar.setAlignment(Pos.CENTER_LEFT);
        pathBar.getStyleClass().add("path-row");
        Label error = new Label();
        error.setId(side + "-error");
        error.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        error.getStyleClass().addAll("pane-error", Styles.DANGER);
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setOnMouseClicked(e -> vm.clearError());
        Label status = new Label();
        status.setId(side + "-status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().addAll("pane-status", Styles.TEXT_MUTED);
        Label notice = new Label();
        notice.setId(side + "-notice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.getStyleClass().addAll("pane-status", Styles.TEXT_MUTED);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox statusBar = new HBox(status, grow, notice);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(bar, pathBar, error, table, statusBar);

        table.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        table.setOnMouseClicked(e -> {
            FileEntry sel = table.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && sel != null) {
                actions.open(sel);
            }
        });
        table.setContextMenu(actions.contextMenu());
        new PaneDragAndDrop(vm, browser, table, side,
                () -> other == null ? List.of() : other.table.getSelectionModel().getSelectedItems()).install();
        vm.pathProperty().addListener((o, a, b) -> updateCrumbs(b));
    }

    /** The pane drags come from and go to. */
    void pairWith(FilePaneView o) {
        other = o;
    }

    Node root() {
        return root;
    }

    TableView<FileEntry> table() {
        return table;
    }

    /** Shows the follow-terminal button, which navigates to the directory {@code cwd} yields. */
    void setFollowTerminal(Supplier<CompletableFuture<String>> cwd) {
        follow.setVisible(cwd != null);
        follow.setManaged(cwd != null);
        follow.setOnAction(e -> cwd.get().whenComplete((dir, x) -> Platform.runLater(() -> {
            if (x != null || dir == null || dir.isBlank()) {
                vm.showError("Follow terminal: " + (x == null ? "the terminal's directory is unknown" : ErrorText.of(x)));
            } else {
                vm.navigate(dir);
            }
        })));
    }

    private Button tool(Feather icon, String tip, String id, Supplier<?> action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(side + "-" + id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.get());
        return b;
    }

    private StackPane pathBar() {
        pathField.setId(side + "-path");
        pathField.setVisible(false);
        pathField.setOnAction(e -> {
            vm.navigate(pathField.getText());
            showCrumbs();
        });
        pathField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                showCrumbs();
            }
        });
        pathField.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                showCrumbs();
            }
        });
        crumbs.setId(side + "-crumbs");
        crumbs.getStyleClass().add("crumbs");
        crumbs.setOnMouseClicked(e -> {
            if (e.getTarget() == crumbs) {
                editPath();
            }
        });
        StackPane p = new StackPane(crumbs, pathField);
        p.getStyleClass().add("path-bar");
        p.setMinWidth(0);
        crumbs.setMinWidth(0);
        // the start of a path longer than the bar is clipped on the left
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(p.widthProperty());
        clip.heightProperty().bind(p.heightProperty());
        p.setClip(clip);
        return p;
    }

    void editPath() {
        pathField.setText(vm.path());
        crumbs.setVisible(false);
        pathField.setVisible(true);
        pathField.requestFocus();
        pathField.selectAll();
    }

    private void showCrumbs() {
        pathField.setVisible(false);
        crumbs.setVisible(true);
    }

    private void updateCrumbs(String path) {
        crumbs.getChildren().clear();
        Button rootButton = crumb("/", "/");
        crumbs.getChildren().add(rootButton);
        StringBuilder acc = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            acc.append('/').append(part);
            Label sep = new Label("›");
            sep.getStyleClass().add(Styles.TEXT_MUTED);
            sep.setMinWidth(Region.USE_PREF_SIZE);
            crumbs.getChildren().addAll(sep, crumb(part, acc.toString()));
        }
    }

    private Button crumb(String text, String target) {
        Button b = new Button(text);
        b.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "crumb");
        b.setMinWidth(Region.USE_PREF_SIZE); // a long path is clipped, not every name shortened
        b.setOnAction(e -> vm.navigate(target));
        return b;
    }

    private void key(KeyEvent e) {
        List<FileEntry> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
        FileEntry one = table.getSelectionModel().getSelectedItem();
        boolean handled = true;
        if (e.getCode() == KeyCode.ENTER && one != null) {
            actions.open(one);
        } else if (e.getCode() == KeyCode.BACK_SPACE || (e.isAltDown() && e.getCode() == KeyCode.UP)) {
            vm.up();
        } else if (e.isAltDown() && e.getCode() == KeyCode.LEFT) {
            vm.back();
        } else if (e.isAltDown() && e.getCode() == KeyCode.RIGHT) {
            vm.forward();
        } else if (e.getCode() == KeyCode.F2 && one != null) {
            actions.rename(one);
        } else if (e.getCode() == KeyCode.DELETE && !sel.isEmpty()) {
            actions.delete(sel);
        } else if (e.getCode() == KeyCode.F5 && !sel.isEmpty()) {
            browser.copy(vm, sel);
        } else if (e.getCode() == KeyCode.F7) {
            actions.newFolder();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.R) {
            vm.refresh();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.H) {
            vm.showHiddenProperty().set(!vm.showHiddenProperty().get());
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.L) {
            editPath();
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }
}
