package dev.skiff.app.sessions;

import atlantafx.base.theme.Styles;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the vault's master password: on first use to create it (with confirmation), later to
 * unlock it for this run. The result is {@code true} when the vault is open. Argon2 runs on a
 * background thread; the dialog stays open with a message on a wrong password. Ids:
 * {@code #vault-password}, {@code #vault-confirm}, {@code #vault-error}, {@code #vault-ok}.
 *
 * <p>FX thread only.
 */
public final class VaultUnlockDialog extends Dialog<Boolean> {
    private static final ButtonType OK = new ButtonType("Unlock", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType CREATE = new ButtonType("Create vault", ButtonBar.ButtonData.OK_DONE);

    private final VaultUnlockViewModel vm;

    public VaultUnlockDialog(VaultUnlockViewModel vm) {
        this.vm = vm;
        boolean create = vm.isCreating();
        setTitle(create ? "Create password vault" : "Unlock password vault");
        setHeaderText(create ? "Choose a master password to protect saved passwords and passphrases."
                + "\nIt cannot be recovered if you forget it."
                : "Enter your master password to use saved passwords.");
        PasswordField pw = new PasswordField();
        pw.setId("vault-password");
        pw.setPromptText("Master password");
        pw.textProperty().bindBidirectional(vm.passwordProperty());
        VBox box = new VBox(8, pw);
        if (create) {
            PasswordField confirm = new PasswordField();
            confirm.setId("vault-confirm");
            confirm.setPromptText("Repeat master password");
            confirm.textProperty().bindBidirectional(vm.confirmationProperty());
            box.getChildren().add(confirm);
        }
        Label error = new Label();
        error.setId("vault-error");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        box.getChildren().add(error);
        box.disableProperty().bind(vm.busyProperty());
        box.setPrefWidth(380);
        getDialogPane().setContent(box);
        ButtonType okType = create ? CREATE : OK;
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, okType);
        Button ok = (Button) getDialogPane().lookupButton(okType);
        ok.setId("vault-ok");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.disableProperty().bind(vm.busyProperty());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.submit().thenAccept(success -> {
                if (success) {
                    setResult(Boolean.TRUE);
                    close();
                }
            });
        });
        setResultConverter(b -> b == okType);
        setOnShown(e -> pw.requestFocus());
    }

    /**
     * Shows the dialog unless the vault is already unlocked; {@code then} gets whether the vault is
     * open afterwards. Non-blocking.
     */
    public static void ensureUnlocked(Vault vault, Window owner, java.util.function.Consumer<Boolean> then) {
        if (vault.isUnlocked()) {
            then.accept(true);
            return;
        }
        Executor worker = r -> {
            Thread t = new Thread(r, "skiff-vault-kdf");
            t.setDaemon(true);
            t.start();
        };
        VaultUnlockDialog d = new VaultUnlockDialog(new VaultUnlockViewModel(vault, worker, Platform::runLater));
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setOnHidden(e -> then.accept(vault.isUnlocked()));
        d.show();
    }
}
