package dev.skiff.app.interaction;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the password and key passphrase dialogs: what is asked, the typed secret, and "Remember
 * in vault" (offered only when a {@link SecretMemory} exists). FX thread (plain properties, no UI).
 * {@link #takeSecret()} hands the secret over and clears the field.
 */
public final class SecretPromptViewModel {
    private final String title;
    private final String subject;
    private final String error;
    private final boolean rememberAvailable;
    private final StringProperty secret = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty(false);

    private SecretPromptViewModel(String title, String subject, String error, boolean rememberAvailable) {
        this.title = title;
        this.subject = subject;
        this.error = error;
        this.rememberAvailable = rememberAvailable;
    }

    /** The login password of {@code user@host}; attempt 2+ says the last one was refused. */
    public static SecretPromptViewModel password(String user, String host, int attempt, boolean rememberAvailable) {
        return new SecretPromptViewModel("Password", user + "@" + host,
                attempt > 1 ? "Permission denied, please try again." : "", rememberAvailable);
    }

    /** The passphrase of a key file; attempt 2+ says the last one was wrong. */
    public static SecretPromptViewModel passphrase(String keyDescription, int attempt, boolean rememberAvailable) {
        return new SecretPromptViewModel("Key passphrase", keyDescription,
                attempt > 1 ? "Wrong passphrase, please try again." : "", rememberAvailable);
    }

    public String title() {
        return title;
    }

    /** {@code user@host} or the key file. */
    public String subject() {
        return subject;
    }

    /** Empty on the first attempt. */
    public String error() {
        return error;
    }

    public boolean rememberAvailable() {
        return rememberAvailable;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    /** The secret as a fresh array, and "remember" (false when not offered); clears the field. */
    public SecretAnswer takeSecret() {
        char[] value = secret.get() == null ? new char[0] : secret.get().toCharArray();
        secret.set("");
        return new SecretAnswer(value, rememberAvailable && remember.get());
    }
}
