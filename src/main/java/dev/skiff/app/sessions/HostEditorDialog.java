package dev.skiff.app.sessions;

import atlantafx.base.theme.Styles;
import dev.skiff.app.fx.Labels;
import dev.skiff.app.terminal.TerminalProfile;
import java.io.File;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Add/edit dialog for a {@link SavedHost}, bound to a {@link HostEditorViewModel}. The result is
 * the edited host ("Save") or null. Control ids: {@code #host-label}, {@code #host-host},
 * {@code #host-port}, {@code #host-user}, {@code #host-auth}, {@code #host-identity},
 * {@code #host-jump}, {@code #host-folder}, {@code #host-forwards}, {@code #host-env},
 * {@code #host-keepalive}, {@code #host-profile}, {@code #host-notes}, {@code #host-error},
 * {@code #host-save}, {@code #host-cancel}.
 *
 * <p>FX thread only.
 */
public final class HostEditorDialog extends Dialog<SavedHost> {
    /** The "Save" button type. */
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final HostEditorViewModel vm;

    /** @param store offers existing folders and saved hosts as jump-host suggestions */
    public HostEditorDialog(HostEditorViewModel vm, HostStore store) {
        this.vm = vm;
        setTitle(vm.labelProperty().get().isEmpty() ? "New host" : "Edit host");
        setResizable(true);
        List<String> hosts = store.hosts().stream().map(SavedHost::label).toList();

        GridPane general = grid();
        int r = 0;
        general.addRow(r++, new Label("Label"), text("host-label", vm.labelProperty(), "My server"));
        general.addRow(r++, new Label("Host"), text("host-host", vm.hostProperty(), "example.com or 192.0.2.10"));
        TextField port = text("host-port", vm.portProperty(), "22");
        port.setMaxWidth(90);
        general.addRow(r++, new Label("Port"), port);
        general.addRow(r++, new Label("User"), text("host-user", vm.userProperty(), "default: your local user"));
        ComboBox<AuthPreference> auth = new ComboBox<>();
        auth.getItems().setAll(AuthPreference.values());
        auth.setId("host-auth");
        auth.valueProperty().bindBidirectional(vm.authProperty());
        general.addRow(r++, new Label("Authentication"), auth);
        general.addRow(r++, new Label("Identity file"), identityRow());
        general.addRow(r++, new Label("Jump host"), combo("host-jump", vm.jumpHostProperty(), hosts,
                "saved host or user@host:port"));
        general.addRow(r, new Label("Folder"), combo("host-folder", vm.folderProperty(), store.folders(),
                "e.g. work/eu"));

        GridPane advanced = grid();
        r = 0;
        advanced.addRow(r++, new Label("Port forwards"), area("host-forwards", vm.forwardsProperty(),
                "L 8080:localhost:80\nR 9000:localhost:9000\nD 1080", 3));
        advanced.addRow(r++, new Label("Environment"), area("host-env", vm.environmentProperty(), "LANG=C.UTF-8", 3));
        TextField keepalive = text("host-keepalive", vm.keepaliveProperty(), "0 = off");
        keepalive.setMaxWidth(90);
        advanced.addRow(r++, new Label("Keepalive (s)"), keepalive);
        advanced.addRow(r++, new Label("Terminal colours"), profileChoice());
        advanced.addRow(r, new Label("Notes"), area("host-notes", vm.notesProperty(), "", 3));

        TabPane tabs = new TabPane(new Tab("General", general), new Tab("Advanced", advanced));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label error = new Label();
        error.setId("host-error");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        // what is missing is said when the user tries to save, not before they have typed anything
        BooleanProperty tried = new SimpleBooleanProperty(!vm.labelProperty().get().isEmpty());
        error.visibleProperty().bind(tried);
        VBox content = new VBox(8, tabs, error);
        content.setPrefWidth(520);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, SAVE);
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("host-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.validProperty().get()) {
                tried.set(true);
                e.consume(); // the dialog stays open and says why
            }
        });
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("host-cancel");
        setResultConverter(b -> b == SAVE ? vm.toSavedHost() : null);
    }

    public HostEditorViewModel viewModel() {
        return vm;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(12, 8, 4, 8));
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setFillWidth(true);
        g.getColumnConstraints().addAll(new ColumnConstraints(), grow);
        return g;
    }

    /** The terminal profile as a choice; saved by name in the view model. */
    private ComboBox<TerminalProfile> profileChoice() {
        ComboBox<TerminalProfile> c = new ComboBox<>();
        c.setId("host-profile");
        c.getItems().setAll(TerminalProfile.values());
        c.setConverter(Labels.of(TerminalProfile::label));
        c.setValue(TerminalProfile.named(vm.terminalProfileProperty().get()));
        c.valueProperty().addListener((o, was, now) -> vm.terminalProfileProperty().set(
                now == null || now == TerminalProfile.DEFAULT ? "" : now.name()));
        return c;
    }

    private static TextField text(String id, StringProperty p, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static TextArea area(String id, StringProperty p, String prompt, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPromptText(prompt);
        a.setPrefRowCount(rows);
        a.textProperty().bindBidirectional(p);
        return a;
    }

    private static ComboBox<String> combo(String id, StringProperty p, List<String> items, String prompt) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.setEditable(true);
        c.getItems().setAll(items);
        c.setPromptText(prompt);
        c.setMaxWidth(Double.MAX_VALUE);
        c.getEditor().textProperty().bindBidirectional(p);
        return c;
    }

    private Node identityRow() {
        TextField f = text("host-identity", vm.identityFileProperty(), "~/.ssh/id_ed25519");
        Button browse = new Button(null, new FontIcon(Feather.FOLDER));
        browse.setId("host-identity-browse");
        browse.getStyleClass().add(Styles.BUTTON_ICON);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a private key");
            File ssh = new File(System.getProperty("user.home"), ".ssh");
            if (ssh.isDirectory()) {
                chooser.setInitialDirectory(ssh);
            }
            File chosen = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                vm.identityFileProperty().set(chosen.getPath());
            }
        });
        HBox.setHgrow(f, Priority.ALWAYS);
        return new HBox(6, f, browse);
    }
}
