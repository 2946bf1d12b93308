package dev.skiff.app.connections;

import dev.skiff.app.interaction.FxInteraction;
import dev.skiff.ssh.config.ConnectInteraction;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.userauth.PasswordChange;
import dev.skiff.ssh.userauth.Prompt;
import java.util.List;
import java.util.function.Consumer;

/**
 * The desktop app's side of one connection attempt: questions go to the FX dialogs
 * ({@link FxInteraction}), host keys to the app's verifier (Skiff's known_hosts, then the user's),
 * steps and warnings to the tab that is connecting. Worker threads only.
 */
public final class AppConnectInteraction implements ConnectInteraction {
    private final FxInteraction dialogs;
    private final HostKeyVerifier verifier;
    private final Consumer<String> progress;

    public AppConnectInteraction(FxInteraction dialogs, HostKeyVerifier verifier, Consumer<String> progress) {
        this.dialogs = dialogs;
        this.verifier = verifier;
        this.progress = progress;
    }

    @Override
    public HostKeyVerifier hostKeyVerifier(HostConfig cfg) {
        return verifier;
    }

    @Override
    public void warn(String message) {
        progress.accept(message);
    }

    @Override
    public void progress(ConnectStep step, String host) {
        progress.accept(switch (step) {
            case CONNECTING -> "Connecting to " + host + " (TCP, key exchange)";
            case AUTHENTICATING -> "Authenticating to " + host;
        });
    }

    @Override
    public char[] password(String user, String host, int attempt) {
        return dialogs.password(user, host, attempt);
    }

    @Override
    public PasswordChange changePassword(String user, String host, String prompt) {
        return dialogs.changePassword(user, host, prompt);
    }

    @Override
    public char[][] answer(String user, String host, String name, String instruction, List<Prompt> prompts) {
        return dialogs.answer(user, host, name, instruction, prompts);
    }

    @Override
    public void information(String user, String host, String name, String instruction) {
        dialogs.information(user, host, name, instruction);
    }

    @Override
    public void banner(String text) {
        dialogs.banner(text);
    }

    @Override
    public char[] passphrase(String keyDescription, int attempt) {
        return dialogs.passphrase(keyDescription, attempt);
    }
}
