package dev.skiff.app.sftp;

import atlantafx.base.theme.Styles;
import dev.skiff.app.fx.Labels;
import dev.skiff.ssh.sftp.transfer.SymlinkPolicy;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The transfer queue panel: options bar and one row per transfer with its controls. FX thread. */
final class TransferQueueView {
    private final BrowserViewModel vm;
    private final VBox root = new VBox();

    TransferQueueView(BrowserViewModel vm) {
        this.vm = vm;
        root.setId("transfer-queue");
        root.getStyleClass().add("transfer-queue");
        TableView<TransferItem> table = new TableView<>(vm.queue().items());
        table.setId("transfer-table");
        table.setPlaceholder(new Label("No transfers. Drag files between the panes or press F5."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.DENSE);
        TableColumn<TransferItem, TransferItem> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TransferItem i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : i.name());
                setGraphic(empty || i == null ? null : new FontIcon(i.request().upload() ? Feather.UPLOAD : Feather.DOWNLOAD));
                setTooltip(empty || i == null ? null : new Tooltip(i.request().source() + " → " + i.request().target()));
            }
        });
        name.setPrefWidth(200);
        TableColumn<TransferItem, String> dir = text("Direction", i -> new ReadOnlyObjectWrapper<>(i.direction()), 75);
        TableColumn<TransferItem, String> size = text("Size", i -> Bindings.createStringBinding(
                () -> Formats.size(i.sizeProperty().get()), i.sizeProperty()), 75);
        TableColumn<TransferItem, TransferItem> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        progress.setCellFactory(c -> new ProgressCell());
        progress.setPrefWidth(170);
        TableColumn<TransferItem, String> speed = text("Speed", i -> Bindings.createStringBinding(
                () -> Formats.rate(i.speedProperty().get()), i.speedProperty()), 85);
        TableColumn<TransferItem, String> eta = text("ETA", TransferItem::etaProperty, 55);
        TableColumn<TransferItem, String> state = text("State", i -> Bindings.createStringBinding(
                () -> i.state().label() + (i.errorProperty().get().isEmpty() ? "" : ": " + i.errorProperty().get()),
                i.stateProperty(), i.errorProperty()), 160);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTooltip(empty || v == null ? null : new Tooltip(v));
            }
        });
        TableColumn<TransferItem, TransferItem> actions = new TableColumn<>("");
        actions.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        actions.setCellFactory(c -> new ActionsCell(vm.queue()));
        actions.setPrefWidth(96);
        actions.setSortable(false);
        table.getColumns().setAll(List.of(name, dir, size, progress, speed, eta, state, actions));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(optionsBar(), table);
    }

    Node root() {
        return root;
    }

    private static TableColumn<TransferItem, String> text(String title, Function<TransferItem, ObservableValue<String>> v,
            double width) {
        TableColumn<TransferItem, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> v.apply(cd.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    private HBox optionsBar() {
        Label title = new Label("Transfers", new FontIcon(Feather.REPEAT));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label summary = new Label();
        summary.setId("transfer-summary");
        summary.textProperty().bind(vm.queue().summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        TransferSettings s = vm.settingsProperty().get();
        Spinner<Integer> parallel = new Spinner<>(1, 16, s.parallel());
        parallel.setId("transfer-parallel");
        parallel.setPrefWidth(78);
        parallel.setMinWidth(78);
        parallel.setTooltip(new Tooltip("Transfers in parallel"));
        parallel.valueProperty().addListener((o, a, b) -> update(vm.settingsProperty().get().withParallel(b)));
        ChoiceBox<Long> limit = limitChoice(s.limit());
        limit.valueProperty().addListener((o, a, b) -> update(vm.settingsProperty().get().withLimit(b == null ? 0 : b)));
        Button clear = new Button("Clear finished", new FontIcon(Feather.X_CIRCLE));
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> vm.queue().clearFinished());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label par = new Label("Parallel");
        MenuButton options = optionsMenu(s);
        for (Region r : List.of(title, par, limit, options, clear)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        summary.setMinWidth(0); // the summary gives way first; the tab title repeats it
        HBox bar = new HBox(8, title, summary, spacer, par, parallel, limit, options, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("queue-toolbar");
        return bar;
    }

    /** The less used options in one menu: atomic uploads, preserve, symbolic links, existing files. */
    private MenuButton optionsMenu(TransferSettings s) {
        CheckMenuItem atomic = check("Atomic uploads (temporary name, then rename)", s.atomicUploads(), "transfer-atomic",
                v -> vm.settingsProperty().get().withAtomicUploads(v));
        CheckMenuItem preserve = check("Preserve times and permissions", s.preserve(), "transfer-preserve",
                v -> vm.settingsProperty().get().withPreserve(v));
        Menu links = radios("Symbolic links", "transfer-links", List.of(SymlinkPolicy.values()), s.symlinks(),
                p -> p == SymlinkPolicy.FOLLOW ? "Follow links" : p == SymlinkPolicy.SKIP ? "Skip links" : "Copy links as links",
                v -> vm.settingsProperty().get().withSymlinks(v));
        Menu conflict = radios("If the file exists", "transfer-conflict", List.of(ConflictChoice.values()), s.conflict(),
                ConflictChoice::label, v -> vm.settingsProperty().get().withConflict(v));
        MenuButton menu = new MenuButton("Options", new FontIcon(Feather.SLIDERS), atomic, preserve,
                new SeparatorMenuItem(), links, conflict);
        menu.setId("transfer-options");
        menu.getStyleClass().add(Styles.FLAT);
        return menu;
    }

    /** Speed limit presets (bytes per second, 0 = none), plus {@code current} when it is another value. */
    private static ChoiceBox<Long> limitChoice(long current) {
        ChoiceBox<Long> c = new ChoiceBox<>();
        c.setId("transfer-limit");
        c.getItems().setAll(0L, 256L << 10, 1L << 20, 4L << 20, 16L << 20, 64L << 20);
        if (!c.getItems().contains(current)) {
            c.getItems().add(current);
            c.getItems().sort(null);
        }
        c.setValue(current);
        c.setConverter(Labels.of(v -> v == 0 ? "No speed limit" : "Limit " + Formats.rate(v)));
        c.setTooltip(new Tooltip("Speed limit for this browser's transfers together; applies to running ones at once"));
        return c;
    }

    private void update(TransferSettings s) {
        vm.settingsProperty().set(s);
    }

    private CheckMenuItem check(String text, boolean value, String id, Function<Boolean, TransferSettings> with) {
        CheckMenuItem c = new CheckMenuItem(text);
        c.setId(id);
        c.setSelected(value);
        c.selectedProperty().addListener((o, a, b) -> update(with.apply(b)));
        return c;
    }

    private <T> Menu radios(String text, String id, List<T> values, T value, Function<T, String> label,
            Function<T, TransferSettings> with) {
        Menu menu = new Menu(text);
        menu.setId(id);
        ToggleGroup group = new ToggleGroup();
        for (T v : values) {
            RadioMenuItem item = new RadioMenuItem(label.apply(v));
            item.setId(id + "-" + v.toString().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setToggleGroup(group);
            item.setSelected(v.equals(value));
            item.setOnAction(e -> update(with.apply(v)));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** A progress bar with the percentage on it. */
    private static final class ProgressCell extends TableCell<TransferItem, TransferItem> {
        private final ProgressBar bar = new ProgressBar();
        private final Label pct = new Label();
        private final StackPane box = new StackPane(bar, pct);

        ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
            pct.getStyleClass().add("progress-text");
        }

        @Override
        protected void updateItem(TransferItem i, boolean empty) {
            super.updateItem(i, empty);
            bar.progressProperty().unbind();
            pct.textProperty().unbind();
            if (empty || i == null) {
                setGraphic(null);
                return;
            }
            bar.progressProperty().bind(i.progressProperty());
            pct.textProperty().bind(Bindings.createStringBinding(() -> i.progressProperty().get() < 0 ? ""
                    : (int) (i.progressProperty().get() * 100) + "%", i.progressProperty()));
            setGraphic(box);
        }
    }

    /** Pause / resume / retry and cancel buttons, shown by state. */
    private static final class ActionsCell extends TableCell<TransferItem, TransferItem> {
        private final TransferQueue queue;
        private final Button pause = icon(Feather.PAUSE, "Pause", "transfer-pause");
        private final Button resume = icon(Feather.PLAY, "Resume", "transfer-resume");
        private final Button retry = icon(Feather.ROTATE_CW, "Retry", "transfer-retry");
        private final Button cancel = icon(Feather.X, "Cancel", "transfer-cancel");
        private final HBox box = new HBox(2, pause, resume, retry, cancel);

        ActionsCell(TransferQueue queue) {
            this.queue = queue;
        }

        private static Button icon(Feather f, String tip, String id) {
            Button b = new Button(null, new FontIcon(f));
            b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            b.setTooltip(new Tooltip(tip));
            b.setId(id);
            b.managedProperty().bind(b.visibleProperty());
            return b;
        }

        @Override
        protected void updateItem(TransferItem i, boolean empty) {
            super.updateItem(i, empty);
            for (Button b : List.of(pause, resume, retry, cancel)) {
                b.visibleProperty().unbind();
            }
            if (empty || i == null) {
                setGraphic(null);
                return;
            }
            var st = i.stateProperty();
            pause.visibleProperty().bind(st.isEqualTo(TransferState.RUNNING).or(st.isEqualTo(TransferState.QUEUED)));
            resume.visibleProperty().bind(st.isEqualTo(TransferState.PAUSED));
            retry.visibleProperty().bind(st.isEqualTo(TransferState.FAILED).or(st.isEqualTo(TransferState.CANCELLED)));
            cancel.visibleProperty().bind(Bindings.createBooleanBinding(() -> !st.get().finished(), st));
            pause.setOnAction(e -> queue.pause(i));
            resume.setOnAction(e -> queue.resume(i));
            retry.setOnAction(e -> queue.retry(i));
            cancel.setOnAction(e -> queue.cancel(i));
            setGraphic(box);
        }
    }
}
