package dev.skiff.app;

import dev.skiff.app.fx.DialogParts;
import dev.skiff.app.fx.Labels;
import dev.skiff.app.terminal.TerminalSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;

/**
 * File → Preferences: theme, terminal font, size and scrollback, and which known_hosts file keeps
 * accepted host keys. The dialog edits a {@link PreferencesViewModel}; its result is true for OK.
 * FX thread.
 */
final class PreferencesDialog {
    private PreferencesDialog() {
    }

    /**
     * @param ownKnownHosts Skiff's own known_hosts file
     * @param sshKnownHosts OpenSSH's {@code ~/.ssh/known_hosts}
     */
    static Dialog<Boolean> create(PreferencesViewModel vm, Path ownKnownHosts, Path sshKnownHosts) {
        ChoiceBox<AppTheme> theme = new ChoiceBox<>();
        theme.setId("prefs-theme");
        theme.getItems().setAll(AppTheme.values());
        theme.setConverter(Labels.of(AppTheme::label));
        theme.valueProperty().bindBidirectional(vm.themeProperty());

        ComboBox<String> font = new ComboBox<>();
        font.setId("prefs-font");
        List<String> families = monospacedFamilies();
        if (!families.contains(vm.fontFamilyProperty().get())) {
            families.add(0, vm.fontFamilyProperty().get());
        }
        font.getItems().setAll(families);
        font.setVisibleRowCount(12);
        font.valueProperty().bindBidirectional(vm.fontFamilyProperty());

        Spinner<Integer> size = new Spinner<>(TerminalSettings.MIN_FONT_SIZE, TerminalSettings.MAX_FONT_SIZE,
                vm.fontSizeProperty().get());
        size.setId("prefs-font-size");
        size.setEditable(true);
        size.setPrefWidth(90);
        size.valueProperty().addListener((o, a, b) -> vm.fontSizeProperty().set(b));

        Spinner<Integer> scrollback = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                PreferencesViewModel.MIN_SCROLLBACK, PreferencesViewModel.MAX_SCROLLBACK, vm.scrollbackProperty().get(), 1000));
        scrollback.setId("prefs-scrollback");
        scrollback.setEditable(true);
        scrollback.setPrefWidth(130);
        scrollback.valueProperty().addListener((o, a, b) -> vm.scrollbackProperty().set(b));

        Label sample = new Label("user@host:~$ ls -la   0O 1lI {}[]");
        sample.setId("prefs-font-sample");
        Runnable showSample = () -> sample.setFont(Font.font(vm.fontFamilyProperty().get(), vm.fontSizeProperty().get()));
        vm.fontFamilyProperty().addListener(o -> showSample.run());
        vm.fontSizeProperty().addListener(o -> showSample.run());
        showSample.run();

        CheckBox sshFile = new CheckBox("Save accepted host keys in " + DialogParts.homePath(sshKnownHosts)
                + " (shared with OpenSSH)");
        sshFile.setId("prefs-ssh-known-hosts");
        sshFile.setMnemonicParsing(false);
        sshFile.selectedProperty().bindBidirectional(vm.writeToSshKnownHostsProperty());
        Label where = DialogParts.plainText("Otherwise they are saved in " + DialogParts.homePath(ownKnownHosts)
                + ". Both files are always read.");
        where.getStyleClass().add("text-muted");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        int row = 0;
        grid.add(section("Appearance"), 0, row++, 2, 1);
        grid.addRow(row++, DialogParts.fieldName("Theme"), theme);
        grid.add(section("Terminal"), 0, row++, 2, 1);
        grid.addRow(row++, DialogParts.fieldName("Font"), font);
        grid.addRow(row++, DialogParts.fieldName("Size"), size);
        grid.addRow(row++, DialogParts.fieldName("Scrollback lines"), scrollback);
        grid.add(sample, 1, row++);
        grid.add(section("Host keys"), 0, row++, 2, 1);
        grid.add(new VBox(4, sshFile, where), 0, row, 2, 1);

        Dialog<Boolean> dialog = new Dialog<>();
        dialog.setTitle("Preferences");
        DialogPane pane = dialog.getDialogPane();
        pane.setId("prefs-dialog");
        pane.setHeader(DialogParts.header(Feather.SETTINGS, "Preferences",
                "Changes apply at once; a new scrollback size to terminals opened from now on.", "accent"));
        pane.setContent(grid);
        pane.getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ((Button) pane.lookupButton(ButtonType.OK)).setId("prefs-ok");
        ((Button) pane.lookupButton(ButtonType.CANCEL)).setId("prefs-cancel");
        dialog.setResultConverter(b -> b == ButtonType.OK);
        return dialog;
    }

    private static Node section(String title) {
        Label l = new Label(title);
        l.getStyleClass().addAll("title-4");
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    private static List<String> monospaced; // measured once per run: the installed fonts do not change

    /** Installed font families whose "i" is as wide as their "W" (monospaced), sorted; a new list. */
    static List<String> monospacedFamilies() {
        if (monospaced == null) {
            monospaced = measureMonospaced();
        }
        return new ArrayList<>(monospaced);
    }

    private static List<String> measureMonospaced() {
        List<String> out = new ArrayList<>();
        for (String family : Font.getFamilies()) {
            Font f = Font.font(family, 14);
            Text narrow = new Text("iiiiiiiiii");
            narrow.setFont(f);
            Text wide = new Text("WWWWWWWWWW");
            wide.setFont(f);
            double n = narrow.getLayoutBounds().getWidth();
            if (n > 0 && Math.abs(n - wide.getLayoutBounds().getWidth()) < 0.5) {
                out.add(family);
            }
        }
        if (!out.contains("Monospaced")) {
            out.add(0, "Monospaced");
        }
        return List.copyOf(out);
    }
}
