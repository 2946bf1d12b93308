package dev.skiff.app.fx;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crossing between worker threads and the FX Application Thread (DESIGN.md §3 and §4): a worker
 * asks a question by handing the FX thread a piece of code that shows a dialog and returns a
 * {@link CompletableFuture}; the worker waits for that future with a timeout. The FX thread never
 * waits on anything.
 */
public final class FxThreads {
    private static final Logger LOG = LoggerFactory.getLogger(FxThreads.class);

    private FxThreads() {
    }

    /**
     * Runs {@code onFx} on the FX thread (it shows a dialog and returns the future the dialog
     * completes) and waits up to {@code timeout} for the answer.
     *
     * <p>Worker threads only: throws {@link IllegalStateException} on the FX thread (which must not
     * block). On timeout or interrupt the future is cancelled (which closes the dialog) and
     * {@code null} is returned; a cancelled or failed future also gives {@code null}. The
     * interrupt flag is kept.
     *
     * @return the answer, or {@code null} when there is none (cancel, timeout, failure)
     */
    public static <T> T ask(Supplier<CompletableFuture<T>> onFx, Duration timeout) {
        requireNotFxThread();
        CompletableFuture<CompletableFuture<T>> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            if (shown.isDone()) {
                return; // the worker gave up before the FX thread got here
            }
            try {
                CompletableFuture<T> question = onFx.get();
                if (!shown.complete(question)) {
                    question.cancel(false);
                }
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            CompletableFuture<T> answer = shown.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.info("No answer from the user within {}; cancelling the question", timeout);
        } catch (CancellationException e) {
            return null;
        } catch (ExecutionException e) {
            LOG.warn("Asking the user failed", e.getCause());
        }
        if (!shown.cancel(false) && !shown.isCompletedExceptionally()) {
            CompletableFuture<T> pending = shown.getNow(null);
            Platform.runLater(() -> pending.cancel(false)); // closes the dialog
        }
        return null;
    }

    /** Runs {@code action} on the FX thread: now if already there, otherwise later. Any thread. */
    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Throws unless called on the FX Application Thread. */
    public static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("must be called on the FX Application Thread, not "
                    + Thread.currentThread().getName());
        }
    }

    /** Throws when called on the FX Application Thread (which must never block). */
    public static void requireNotFxThread() {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("blocking call on the FX Application Thread");
        }
    }
}
