package dev.skiff.app.interaction;

import atlantafx.base.theme.Styles;
import dev.skiff.app.fx.DialogParts;
import dev.skiff.app.interaction.HostKeyQuestions.ChangedKeyDecision;
import dev.skiff.app.interaction.HostKeyQuestions.NewKeyDecision;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The host key dialogs (views of {@link HostKeyViewModel} and {@link ChangedHostKeyViewModel}).
 * Ids for tests: unknown key {@code #hostkey-dialog}, {@code #hostkey-host}, {@code #hostkey-keytype},
 * {@code #hostkey-fingerprint}, {@code #hostkey-randomart}, buttons {@code #hostkey-connect-once},
 * {@code #hostkey-trust}, {@code #hostkey-cancel}; changed key {@code #changed-hostkey-dialog},
 * {@code #changed-hostkey-fingerprint}, {@code #changed-hostkey-old-0..n},
 * {@code #changed-hostkey-verified} (check box), buttons {@code #changed-hostkey-replace} and
 * {@code #changed-hostkey-cancel} (the default). FX thread only.
 */
final class HostKeyDialogs {
    private static final ButtonType CONNECT_ONCE = new ButtonType("Connect once", ButtonData.OTHER);
    private static final ButtonType TRUST = new ButtonType("Trust and save", ButtonData.OK_DONE);
    private static final ButtonType REPLACE = new ButtonType("Replace the stored key", ButtonData.OTHER);

    private HostKeyDialogs() {
    }

    static Dialog<NewKeyDecision> unknownKey(HostKeyViewModel vm) {
        Dialog<NewKeyDecision> dialog = new Dialog<>();
        dialog.setTitle(vm.title());
        DialogPane pane = dialog.getDialogPane();
        pane.setId("hostkey-dialog");
        pane.setHeader(DialogParts.header(Feather.SHIELD, vm.title(), vm.subtitle(), "warning"));

        GridPane facts = facts();
        addFact(facts, 0, "Host", DialogParts.plainText(vm.host()), "hostkey-host");
        addFact(facts, 1, "Key type", DialogParts.plainText(vm.keyType()), "hostkey-keytype");
        addFact(facts, 2, "Fingerprint", DialogParts.monospace(vm.fingerprint()), "hostkey-fingerprint");
        Label hint = DialogParts.hint(vm.hint());
        VBox left = new VBox(14, facts, hint);
        HBox.setHgrow(left, Priority.ALWAYS);
        pane.setContent(new HBox(20, left, randomArt(vm.randomArt(), "hostkey-randomart")));

        pane.getButtonTypes().addAll(CONNECT_ONCE, TRUST, ButtonType.CANCEL);
        button(pane, CONNECT_ONCE, "hostkey-connect-once");
        button(pane, TRUST, "hostkey-trust").getStyleClass().add(Styles.ACCENT);
        button(pane, ButtonType.CANCEL, "hostkey-cancel");
        dialog.setResultConverter(type -> type == TRUST ? NewKeyDecision.TRUST_AND_SAVE
                : type == CONNECT_ONCE ? NewKeyDecision.CONNECT_ONCE : NewKeyDecision.CANCEL);
        return dialog;
    }

    static Dialog<ChangedKeyDecision> changedKey(ChangedHostKeyViewModel vm) {
        Dialog<ChangedKeyDecision> dialog = new Dialog<>();
        dialog.setTitle("WARNING: host key changed");
        DialogPane pane = dialog.getDialogPane();
        pane.setId("changed-hostkey-dialog");
        pane.setHeader(DialogParts.header(Feather.ALERT_OCTAGON, vm.title(), vm.subtitle(), "danger"));

        GridPane facts = facts();
        addFact(facts, 0, "New key", DialogParts.plainText(vm.newKeyType()), "changed-hostkey-keytype");
        addFact(facts, 1, "New fingerprint", DialogParts.monospace(vm.newFingerprint()), "changed-hostkey-fingerprint");
        VBox old = new VBox(4);
        for (int i = 0; i < vm.storedKeys().size(); i++) {
            Label line = DialogParts.monospace(vm.storedKeys().get(i));
            line.setId("changed-hostkey-old-" + i);
            old.getChildren().add(line);
        }
        addFact(facts, 2, "Stored key", old, null);
        CheckBox verified = new CheckBox("I have verified the new fingerprint");
        verified.setId("changed-hostkey-verified");
        verified.selectedProperty().bindBidirectional(vm.verifiedProperty());
        Label hint = DialogParts.hint(vm.replaceHint());
        VBox left = new VBox(14, facts, verified, hint);
        HBox.setHgrow(left, Priority.ALWAYS);
        pane.setContent(new HBox(20, left, randomArt(vm.randomArt(), "changed-hostkey-randomart")));

        pane.getButtonTypes().addAll(REPLACE, ButtonType.CANCEL);
        Button replace = button(pane, REPLACE, "changed-hostkey-replace");
        replace.getStyleClass().add(Styles.DANGER);
        replace.disableProperty().bind(vm.replaceDisabledProperty());
        replace.setDefaultButton(false);
        Button cancel = button(pane, ButtonType.CANCEL, "changed-hostkey-cancel");
        cancel.setDefaultButton(true);
        dialog.setOnShown(event -> cancel.requestFocus());
        dialog.setResultConverter(type -> type == REPLACE && vm.verifiedProperty().get()
                ? ChangedKeyDecision.REPLACE : ChangedKeyDecision.CANCEL);
        return dialog;
    }

    private static GridPane facts() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(4, 0, 0, 0));
        return grid;
    }

    private static void addFact(GridPane grid, int row, String name, Node value, String id) {
        Label label = DialogParts.fieldName(name);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        if (id != null) {
            value.setId(id);
        }
        grid.addRow(row, label, value);
    }

    private static Node randomArt(String art, String id) {
        Label label = DialogParts.monospace(art);
        label.setId(id);
        label.getStyleClass().add("random-art");
        VBox box = new VBox(label);
        box.setAlignment(Pos.TOP_RIGHT);
        return box;
    }

    static Button button(DialogPane pane, ButtonType type, String id) {
        Button b = (Button) pane.lookupButton(type);
        b.setId(id);
        return b;
    }
}
