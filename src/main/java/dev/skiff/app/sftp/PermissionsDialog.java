package dev.skiff.app.sftp;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The permissions dialog: an rwx matrix (owner/group/others) kept in step with an octal field,
 * plus "apply recursively". FX thread only.
 */
final class PermissionsDialog {
    /** The chosen mode and whether to apply it below directories too. */
    record Result(int mode, boolean recursive) {
    }

    private final CheckBox[] bits = new CheckBox[9];
    private final TextField octal = new TextField();
    private boolean syncing;

    static Optional<Result> show(Node owner, String what, int mode, boolean anyDirectory) {
        return new PermissionsDialog().ask(owner, what, mode, anyDirectory);
    }

    private Optional<Result> ask(Node owner, String what, int mode, boolean anyDirectory) {
        Dialog<Result> d = new Dialog<>();
        d.setTitle("Permissions");
        d.setHeaderText("Permissions of " + what);
        Dialogs.own(d, owner);
        d.getDialogPane().setId("permissions-dialog");
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        String[] who = {"Owner", "Group", "Others"};
        String[] rwx = {"Read", "Write", "Execute"};
        for (int c = 0; c < 3; c++) {
            g.add(new Label(rwx[c]), c + 1, 0);
        }
        for (int r = 0; r < 3; r++) {
            g.add(new Label(who[r]), 0, r + 1);
            for (int c = 0; c < 3; c++) {
                int i = r * 3 + c;
                bits[i] = new CheckBox();
                bits[i].setId("perm-" + "ugo".charAt(r) + "rwx".charAt(c));
                bits[i].selectedProperty().addListener((o, a, b) -> fromBits());
                g.add(bits[i], c + 1, r + 1);
            }
        }
        octal.setId("perm-octal");
        octal.setPrefColumnCount(5);
        octal.textProperty().addListener((o, a, b) -> fromOctal(b));
        g.add(new Label("Octal"), 0, 4);
        g.add(octal, 1, 4, 3, 1);
        CheckBox recursive = new CheckBox("Apply to everything inside folders");
        recursive.setId("perm-recursive");
        recursive.setDisable(!anyDirectory);
        g.add(recursive, 0, 5, 4, 1);
        setBits(Math.max(0, mode) & 0777);
        octal.setText(Formats.octal(Math.max(0, mode)));
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? new Result(parse(octal.getText()), recursive.isSelected()) : null);
        return d.showAndWait().filter(r -> r.mode() >= 0);
    }

    private static int parse(String s) {
        try {
            int v = Integer.parseInt(s.trim(), 8);
            return v >= 0 && v <= 07777 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void setBits(int mode) {
        syncing = true;
        for (int i = 0; i < 9; i++) {
            bits[i].setSelected((mode & (0400 >> i)) != 0);
        }
        syncing = false;
    }

    private void fromBits() {
        if (syncing) {
            return;
        }
        int high = Math.max(0, parse(octal.getText())) & 07000;
        int m = high;
        for (int i = 0; i < 9; i++) {
            m |= bits[i].isSelected() ? 0400 >> i : 0;
        }
        syncing = true;
        octal.setText(Formats.octal(m));
        syncing = false;
    }

    private void fromOctal(String text) {
        int m = parse(text);
        if (!syncing && m >= 0) {
            setBits(m & 0777);
        }
    }
}
