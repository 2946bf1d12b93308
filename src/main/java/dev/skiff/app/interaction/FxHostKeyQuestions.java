package dev.skiff.app.interaction;

import dev.skiff.app.fx.DialogParts;
import dev.skiff.app.fx.Dialogs;
import dev.skiff.app.fx.FxThreads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@link HostKeyQuestions} answered through JavaFX dialogs ({@link HostKeyDialogs}). Called on the
 * connecting worker thread (never the FX thread); waits for the user up to the timeout, and
 * answers Cancel on timeout, close or interrupt.
 */
public final class FxHostKeyQuestions implements HostKeyQuestions {
    private final Dialogs dialogs;
    private final Path saveFile;
    private final Duration timeout;

    /**
     * @param saveFile Skiff's known_hosts file, named in the dialogs
     * @param timeout how long to wait for the user
     */
    public FxHostKeyQuestions(Dialogs dialogs, Path saveFile, Duration timeout) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.saveFile = Objects.requireNonNull(saveFile, "saveFile");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public NewKeyDecision unknownKey(PresentedHostKey key) {
        NewKeyDecision answer = FxThreads.ask(
                () -> dialogs.show(HostKeyDialogs.unknownKey(new HostKeyViewModel(key, displayPath(saveFile)))), timeout);
        return answer == null ? NewKeyDecision.CANCEL : answer;
    }

    @Override
    public ChangedKeyDecision changedKey(PresentedHostKey key, List<StoredHostKey> stored) {
        ChangedKeyDecision answer = FxThreads.ask(() -> dialogs.show(
                HostKeyDialogs.changedKey(new ChangedHostKeyViewModel(key, stored, displayPath(saveFile)))), timeout);
        return answer == null ? ChangedKeyDecision.CANCEL : answer;
    }

    /** {@code file} as the user knows it: under the home directory written {@code ~/...}. */
    static String displayPath(Path file) {
        return DialogParts.homePath(file);
    }
}
