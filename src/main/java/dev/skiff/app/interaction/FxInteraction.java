package dev.skiff.app.interaction;

import dev.skiff.app.fx.Dialogs;
import dev.skiff.app.fx.FxThreads;
import dev.skiff.ssh.keys.PassphraseProvider;
import dev.skiff.ssh.userauth.BannerListener;
import dev.skiff.ssh.userauth.KeyboardInteractiveHandler;
import dev.skiff.ssh.userauth.PasswordChange;
import dev.skiff.ssh.userauth.PasswordProvider;
import dev.skiff.ssh.userauth.Prompt;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.control.Dialog;

/**
 * The SSH stack's user-interaction SPIs answered with JavaFX dialogs ({@link AuthDialogs}). Each
 * question crosses to the FX thread through {@link FxThreads#ask} and the calling worker waits up
 * to the timeout; Cancel, closing the dialog or the timeout return {@code null}, which the stack
 * turns into {@code AuthenticationCancelledException} (or a cancelled key).
 *
 * <p>With a {@link SecretMemory}, the password and passphrase dialogs offer "Remember in vault"; a
 * remembered secret answers attempt 1 without a dialog, and is forgotten when the server (or key
 * file) refuses it.
 *
 * <p>Banners and keyboard-interactive information are appended to {@link #banner()} (observable,
 * for the session's tab) and, unless {@link #setShowBannerDialog} turned it off, shown in a
 * non-modal dialog ({@code #banner-dialog}) that does not hold up authentication.
 *
 * <p>SPI methods: worker threads only (never the FX thread; they block). One instance may serve
 * several connections.
 */
public final class FxInteraction implements PasswordProvider, KeyboardInteractiveHandler, BannerListener,
        PassphraseProvider {
    /** Default time the user has to answer a question. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Dialogs dialogs;
    private final Duration timeout;
    private final SecretMemory memory;
    private final Set<String> recalled = ConcurrentHashMap.newKeySet();
    private final BannerViewModel banner = new BannerViewModel();
    private volatile boolean showBannerDialog = true;
    private Dialog<Void> bannerDialog;

    /**
     * @param memory where remembered secrets live, or {@code null} for no "Remember in vault"
     */
    public FxInteraction(Dialogs dialogs, Duration timeout, SecretMemory memory) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.memory = memory;
    }

    public FxInteraction(Dialogs dialogs) {
        this(dialogs, DEFAULT_TIMEOUT, null);
    }

    /** Banner and information text so far (visible-safe); read and observe on the FX thread. */
    public BannerViewModel banner() {
        return banner;
    }

    /** Whether banners also open {@code #banner-dialog} (default true). Any thread. */
    public void setShowBannerDialog(boolean show) {
        showBannerDialog = show;
    }

    @Override
    public char[] password(String user, String host, int attempt) {
        String id = SecretMemory.passwordId(user, host);
        return secret(id, attempt, remember -> SecretPromptViewModel.password(user, host, attempt, remember), "password");
    }

    @Override
    public char[] passphrase(String keyDescription, int attempt) {
        String id = SecretMemory.passphraseId(keyDescription);
        return secret(id, attempt, remember -> SecretPromptViewModel.passphrase(keyDescription, attempt, remember),
                "passphrase");
    }

    private char[] secret(String id, int attempt, java.util.function.Function<Boolean, SecretPromptViewModel> model,
            String prefix) {
        if (memory != null) {
            if (attempt <= 1) {
                Optional<char[]> known = memory.recall(id);
                if (known.isPresent()) {
                    recalled.add(id);
                    return known.get();
                }
            } else if (recalled.remove(id)) {
                memory.forget(id); // the remembered secret was refused
            }
        }
        SecretAnswer answer = FxThreads.ask(() -> dialogs.show(AuthDialogs.secret(model.apply(memory != null), prefix)),
                timeout);
        if (answer == null) {
            return null;
        }
        if (answer.remember() && memory != null) {
            memory.remember(id, answer.secret());
            recalled.add(id); // forgotten again if it turns out wrong
        }
        return answer.secret();
    }

    @Override
    public PasswordChange changePassword(String user, String host, String prompt) {
        return FxThreads.ask(() -> dialogs.show(AuthDialogs.passwordChange(new PasswordChangeViewModel(user, host, prompt))),
                timeout);
    }

    @Override
    public char[][] answer(String user, String host, String name, String instruction, List<Prompt> prompts) {
        char[][] answers = FxThreads.ask(() -> dialogs.show(AuthDialogs.keyboardInteractive(
                new KeyboardInteractiveViewModel(user, host, name, instruction, prompts))), timeout);
        if (answers != null && answers.length != prompts.size()) {
            Arrays.stream(answers).forEach(a -> Arrays.fill(a, '\0'));
            return null;
        }
        return answers;
    }

    @Override
    public void information(String user, String host, String name, String instruction) {
        String text = (name == null || name.isBlank() ? "" : name.strip() + "\n") + (instruction == null ? "" : instruction);
        showBanner(text, user + "@" + host);
    }

    @Override
    public void banner(String text) {
        showBanner(text, "Shown during login");
    }

    /** Hands the text to the FX thread and returns at once. */
    private void showBanner(String text, String subject) {
        FxThreads.run(() -> {
            banner.append(text);
            if (showBannerDialog && bannerDialog == null && !banner.textProperty().get().isEmpty()) {
                bannerDialog = AuthDialogs.banner(banner, subject);
                dialogs.showNonModal(bannerDialog).whenComplete((r, e) -> bannerDialog = null);
            }
        });
    }
}
