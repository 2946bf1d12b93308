package dev.skiff.app.sftp;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;

/** Small modal questions owned by the browser's window. FX thread only (they wait in a nested loop). */
final class Dialogs {
    private Dialogs() {
    }

    static void own(Dialog<?> d, Node owner) {
        if (owner != null && owner.getScene() != null && owner.getScene().getWindow() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        d.getDialogPane().getStylesheets().add(SftpBrowserTab.stylesheet());
    }

    static boolean confirm(Node owner, String title, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        a.setTitle(title);
        a.setHeaderText(title);
        own(a, owner);
        a.getDialogPane().setId("confirm-dialog");
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    static Optional<String> text(Node owner, String title, String label, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText(label);
        own(d, owner);
        d.getDialogPane().setId("text-dialog");
        d.getEditor().setId("text-dialog-field");
        return d.showAndWait().map(String::trim).filter(s -> !s.isEmpty() && !s.contains("/"));
    }

    static void info(Node owner, String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.setTitle(title);
        a.setHeaderText(title);
        own(a, owner);
        a.showAndWait();
    }
}
