package dev.skiff.app.sftp;

import java.util.concurrent.CompletableFuture;

/**
 * Asks the user what to do when a destination exists. Called on the FX thread; the answer comes
 * later (a dialog completes the future). Never OVERWRITE silently on a failure: a failed or
 * cancelled future counts as SKIP.
 */
@FunctionalInterface
public interface ConflictResolver {
    CompletableFuture<Answer> ask(TransferRequest request, FileEntry existing);

    /** The choice (never ASK) and whether it applies to the rest of this copy. */
    record Answer(ConflictChoice choice, boolean applyToAll) {
    }
}
