package dev.skiff.app.sessions;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the vault dialog: create (password + confirmation) when no vault exists, else unlock.
 * {@link #submit()} runs the slow Argon2 step on {@code worker} and reports back through
 * {@code fxExecutor}. FX thread.
 */
public final class VaultUnlockViewModel {
    /** Shortest master password accepted when creating a vault. */
    public static final int MIN_LENGTH = 8;

    private final Vault vault;
    private final Executor worker;
    private final Executor fxExecutor;
    private final boolean creating;
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public VaultUnlockViewModel(Vault vault, Executor worker, Executor fxExecutor) {
        this.vault = vault;
        this.worker = worker;
        this.fxExecutor = fxExecutor;
        this.creating = !vault.exists();
    }

    /** Whether this creates a new vault (first use) rather than unlocking one. */
    public boolean isCreating() {
        return creating;
    }

    /** The input problem, or empty when the form can be submitted. */
    public String inputProblem() {
        if (password.get().isEmpty()) {
            return "Enter the master password";
        }
        if (creating && password.get().length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters";
        }
        if (creating && !password.get().equals(confirmation.get())) {
            return "The passwords do not match";
        }
        return "";
    }

    /**
     * Creates or unlocks the vault on the worker. Completes (on the FX executor) with {@code true}
     * on success, {@code false} with {@link #errorProperty()} set otherwise. The fields are cleared.
     */
    public CompletableFuture<Boolean> submit() {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        String problem = inputProblem();
        if (!problem.isEmpty()) {
            error.set(problem);
            done.complete(false);
            return done;
        }
        char[] master = password.get().toCharArray();
        busy.set(true);
        error.set("");
        worker.execute(() -> {
            String failure = "";
            try {
                if (creating) {
                    vault.create(master);
                } else {
                    vault.unlock(master);
                }
            } catch (VaultException e) {
                failure = e.getMessage();
            } finally {
                Arrays.fill(master, '\0');
            }
            String f = failure;
            fxExecutor.execute(() -> {
                busy.set(false);
                error.set(f);
                if (f.isEmpty()) {
                    password.set("");
                    confirmation.set("");
                }
                done.complete(f.isEmpty());
            });
        });
        return done;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while Argon2 runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
