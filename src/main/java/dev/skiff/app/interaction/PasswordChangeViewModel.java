package dev.skiff.app.interaction;

import dev.skiff.ssh.userauth.PasswordChange;
import dev.skiff.ssh.userauth.UntrustedText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The server-requested password change (RFC 4252 section 8): the server's prompt, the old password,
 * the new one twice. OK is enabled when the new password is not empty and both copies match.
 * FX thread (plain properties, no UI).
 */
public final class PasswordChangeViewModel {
    private final String subject;
    private final String prompt;
    private final StringProperty oldPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final BooleanBinding valid = Bindings.createBooleanBinding(
            () -> !newPassword.get().isEmpty() && newPassword.get().equals(confirmation.get()), newPassword, confirmation);
    private final StringBinding problem = Bindings.createStringBinding(
            () -> !confirmation.get().isEmpty() && !newPassword.get().equals(confirmation.get())
                    ? "The new passwords do not match." : "", newPassword, confirmation);

    public PasswordChangeViewModel(String user, String host, String serverPrompt) {
        this.subject = user + "@" + host;
        this.prompt = serverPrompt == null || serverPrompt.isBlank() ? "The server requires a new password."
                : UntrustedText.visible(serverPrompt.strip());
    }

    public String subject() {
        return subject;
    }

    public String prompt() {
        return prompt;
    }

    public StringProperty oldPasswordProperty() {
        return oldPassword;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** "The new passwords do not match." or empty. */
    public StringBinding problemProperty() {
        return problem;
    }

    /** The old and new password as fresh arrays; clears all fields. */
    public PasswordChange takeChange() {
        PasswordChange change = new PasswordChange(oldPassword.get().toCharArray(), newPassword.get().toCharArray());
        oldPassword.set("");
        newPassword.set("");
        confirmation.set("");
        return change;
    }
}
