package dev.skiff.app.interaction;

import atlantafx.base.theme.Styles;
import dev.skiff.app.fx.DialogParts;
import dev.skiff.ssh.userauth.PasswordChange;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The authentication dialogs: password / passphrase ({@link SecretPromptViewModel}),
 * keyboard-interactive round ({@link KeyboardInteractiveViewModel}), password change
 * ({@link PasswordChangeViewModel}) and banner ({@link BannerViewModel}). Server text goes into
 * plain labels only. Ids are listed on each factory. FX thread only.
 */
final class AuthDialogs {
    private AuthDialogs() {
    }

    /**
     * {@code #password-dialog} / {@code #passphrase-dialog} ({@code prefix}), with
     * {@code #PREFIX-subject}, {@code #PREFIX-error}, {@code #PREFIX-field}, {@code #PREFIX-remember},
     * {@code #PREFIX-ok}, {@code #PREFIX-cancel}. Result: the answer, or null on cancel.
     */
    static Dialog<SecretAnswer> secret(SecretPromptViewModel vm, String prefix) {
        Dialog<SecretAnswer> dialog = new Dialog<>();
        dialog.setTitle(vm.title());
        DialogPane pane = dialog.getDialogPane();
        pane.setId(prefix + "-dialog");
        pane.setHeader(DialogParts.header(Feather.LOCK, vm.title(), vm.subject(), "accent"));
        pane.getHeader().lookupAll(".dialog-subtitle").forEach(n -> n.setId(prefix + "-subject"));
        PasswordField field = new PasswordField();
        field.setId(prefix + "-field");
        field.setPromptText(vm.title());
        field.textProperty().bindBidirectional(vm.secretProperty());
        VBox content = new VBox(10);
        if (!vm.error().isEmpty()) {
            Label error = DialogParts.plainText(vm.error());
            error.setId(prefix + "-error");
            error.getStyleClass().add("error-text");
            content.getChildren().add(error);
        }
        content.getChildren().add(field);
        if (vm.rememberAvailable()) {
            CheckBox remember = new CheckBox("Remember in vault");
            remember.setId(prefix + "-remember");
            remember.selectedProperty().bindBidirectional(vm.rememberProperty());
            content.getChildren().add(remember);
        }
        pane.setContent(content);
        okCancel(pane, prefix);
        dialog.setOnShown(event -> field.requestFocus());
        dialog.setResultConverter(type -> type == ButtonType.OK ? vm.takeSecret() : clear(vm.secretProperty()));
        return dialog;
    }

    /**
     * {@code #kbdint-dialog}: title the round's name, {@code #kbdint-instruction}, per prompt i
     * {@code #kbdint-prompt-i} and {@code #kbdint-answer-i} (PasswordField unless echo), buttons
     * {@code #kbdint-ok} and {@code #kbdint-cancel}. Result: the answers, or null on cancel.
     */
    static Dialog<char[][]> keyboardInteractive(KeyboardInteractiveViewModel vm) {
        Dialog<char[][]> dialog = new Dialog<>();
        dialog.setTitle(vm.title());
        DialogPane pane = dialog.getDialogPane();
        pane.setId("kbdint-dialog");
        pane.setHeader(DialogParts.header(Feather.KEY, vm.title(), vm.subject(), "accent"));
        VBox content = new VBox(12);
        if (!vm.instruction().isEmpty()) {
            Label instruction = DialogParts.plainText(vm.instruction());
            instruction.setId("kbdint-instruction");
            instruction.getStyleClass().add("instruction");
            content.getChildren().add(instruction);
        }
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        TextInputControl first = null;
        for (int i = 0; i < vm.fields().size(); i++) {
            KeyboardInteractiveViewModel.Field f = vm.fields().get(i);
            Label label = DialogParts.plainText(f.label());
            label.setId("kbdint-prompt-" + i);
            TextInputControl input = f.echo() ? new TextField() : new PasswordField();
            input.setId("kbdint-answer-" + i);
            input.textProperty().bindBidirectional(f.answer());
            GridPane.setHgrow(input, Priority.ALWAYS);
            form.addRow(i, label, input);
            first = first == null ? input : first;
        }
        content.getChildren().add(form);
        pane.setContent(content);
        okCancel(pane, "kbdint");
        TextInputControl focus = first;
        dialog.setOnShown(event -> {
            if (focus != null) {
                focus.requestFocus();
            }
        });
        dialog.setResultConverter(type -> type == ButtonType.OK ? vm.takeAnswers() : clearAll(vm));
        return dialog;
    }

    /**
     * {@code #password-change-dialog}: {@code #password-change-prompt}, fields
     * {@code #password-change-old}, {@code -new}, {@code -confirm}, {@code #password-change-problem},
     * buttons {@code #password-change-ok} (enabled when valid) and {@code #password-change-cancel}.
     */
    static Dialog<PasswordChange> passwordChange(PasswordChangeViewModel vm) {
        Dialog<PasswordChange> dialog = new Dialog<>();
        dialog.setTitle("Change password");
        DialogPane pane = dialog.getDialogPane();
        pane.setId("password-change-dialog");
        pane.setHeader(DialogParts.header(Feather.REFRESH_CW, "Change password", vm.subject(), "warning"));
        Label prompt = DialogParts.plainText(vm.prompt());
        prompt.setId("password-change-prompt");
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        PasswordField old = secretField(form, 0, "Current password", "password-change-old");
        old.textProperty().bindBidirectional(vm.oldPasswordProperty());
        secretField(form, 1, "New password", "password-change-new").textProperty()
                .bindBidirectional(vm.newPasswordProperty());
        secretField(form, 2, "Repeat new password", "password-change-confirm").textProperty()
                .bindBidirectional(vm.confirmationProperty());
        Label problem = new Label();
        problem.setId("password-change-problem");
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(vm.problemProperty());
        pane.setContent(new VBox(12, prompt, form, problem));
        Button ok = okCancel(pane, "password-change");
        ok.disableProperty().bind(vm.validProperty().not());
        dialog.setOnShown(event -> old.requestFocus());
        dialog.setResultConverter(type -> {
            if (type == ButtonType.OK) {
                return vm.takeChange();
            }
            vm.takeChange().wipe();
            return null;
        });
        return dialog;
    }

    /** {@code #banner-dialog} with {@code #banner-text} (follows the model) and {@code #banner-close}. */
    static Dialog<Void> banner(BannerViewModel vm, String subject) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Message from the server");
        DialogPane pane = dialog.getDialogPane();
        pane.setId("banner-dialog");
        pane.setHeader(DialogParts.header(Feather.MESSAGE_SQUARE, "Message from the server", subject, "accent"));
        Label text = DialogParts.monospace("");
        text.setId("banner-text");
        text.textProperty().bind(vm.textProperty());
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(220);
        scroll.setPrefViewportWidth(560);
        pane.setContent(scroll);
        pane.getButtonTypes().add(ButtonType.CLOSE);
        HostKeyDialogs.button(pane, ButtonType.CLOSE, "banner-close");
        return dialog;
    }

    private static PasswordField secretField(GridPane form, int row, String name, String id) {
        Label label = DialogParts.fieldName(name);
        PasswordField field = new PasswordField();
        field.setId(id);
        GridPane.setHgrow(field, Priority.ALWAYS);
        form.addRow(row, label, field);
        return field;
    }

    private static Button okCancel(DialogPane pane, String prefix) {
        pane.getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = HostKeyDialogs.button(pane, ButtonType.OK, prefix + "-ok");
        ok.getStyleClass().add(Styles.ACCENT);
        HostKeyDialogs.button(pane, ButtonType.CANCEL, prefix + "-cancel");
        return ok;
    }

    private static <T> T clear(javafx.beans.property.StringProperty secret) {
        secret.set("");
        return null;
    }

    private static char[][] clearAll(KeyboardInteractiveViewModel vm) {
        for (char[] answer : vm.takeAnswers()) {
            java.util.Arrays.fill(answer, '\0');
        }
        return null;
    }
}
