package dev.skiff.app.connections;

import dev.skiff.app.fx.Dialogs;
import dev.skiff.app.fx.FxThreads;
import dev.skiff.app.interaction.SecretMemory;
import dev.skiff.app.sessions.Vault;
import dev.skiff.app.sessions.VaultException;
import dev.skiff.app.sessions.VaultUnlockDialog;
import dev.skiff.app.sessions.VaultUnlockViewModel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * "Remember in vault" backed by the encrypted {@link Vault}: the vault is unlocked (or created) at
 * most once per run, when a remembered secret is first needed or first saved; if the user declines,
 * nothing is asked again in this run and nothing is remembered. Worker threads only.
 */
public final class VaultSecretMemory implements SecretMemory {
    private final Vault vault;
    private final Dialogs dialogs;
    private final Executor workers;
    private volatile boolean declined;

    public VaultSecretMemory(Vault vault, Dialogs dialogs, Executor workers) {
        this.vault = vault;
        this.dialogs = dialogs;
        this.workers = workers;
    }

    @Override
    public Optional<char[]> recall(String secretId) {
        if (!vault.exists() || !unlocked()) {
            return Optional.empty();
        }
        try {
            return vault.get(secretId);
        } catch (VaultException e) {
            return Optional.empty();
        }
    }

    @Override
    public void remember(String secretId, char[] secret) {
        if (unlocked()) {
            try {
                vault.put(secretId, secret);
            } catch (VaultException e) {
                FxThreads.run(() -> dialogs.showError(e));
            }
        }
    }

    @Override
    public void forget(String secretId) {
        if (vault.isUnlocked()) {
            try {
                vault.remove(secretId);
            } catch (VaultException e) {
                // the refused secret stays; the user is asked again next time anyway
            }
        }
    }

    private synchronized boolean unlocked() {
        if (vault.isUnlocked()) {
            return true;
        }
        if (declined) {
            return false;
        }
        Boolean ok = FxThreads.ask(() -> dialogs.show(new VaultUnlockDialog(
                new VaultUnlockViewModel(vault, workers, Platform::runLater))), Duration.ofMinutes(5));
        if (!Boolean.TRUE.equals(ok) || !vault.isUnlocked()) {
            declined = true;
            return false;
        }
        return true;
    }
}
