package dev.skiff.app.sftp;

import dev.skiff.ssh.sftp.transfer.Cancellation;
import dev.skiff.ssh.sftp.transfer.TransferCancelledException;
import dev.skiff.ssh.sftp.transfer.TransferProgress;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The transfer queue: runs up to {@link #parallelProperty()} transfers at once through a
 * {@link Transferer}; pause, resume, cancel, retry; totals for the tab header.
 *
 * <p>Threads: all public methods and properties are FX-thread only ({@code fx} executor); the
 * transfers run on {@code workers} and report back through {@code fx}. Pause and cancel stop the
 * running transfer between chunks; resume and retry continue after the bytes already copied.
 */
public final class TransferQueue {
    private final Transferer transferer;
    private final Executor workers;
    private final Executor fx;
    private final ObservableList<TransferItem> items = FXCollections.observableArrayList();
    private final IntegerProperty parallel = new SimpleIntegerProperty(3);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Consumer<TransferItem> onFinished = i -> {
    };
    private int running;

    public TransferQueue(Transferer transferer, Executor workers, Executor fx) {
        this.transferer = transferer;
        this.workers = workers;
        this.fx = fx;
        parallel.addListener((o, a, b) -> pump());
    }

    public ObservableList<TransferItem> items() {
        return items;
    }

    /** Transfers at once (default 3). */
    public IntegerProperty parallelProperty() {
        return parallel;
    }

    /** "2 transfers · 41% · 35 MiB/s" while busy, "" when idle. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Called (FX thread) after each item reaches DONE, FAILED, SKIPPED or CANCELLED. */
    public void setOnFinished(Consumer<TransferItem> c) {
        onFinished = c;
    }

    public TransferItem enqueue(TransferRequest r) {
        TransferItem item = new TransferItem(r);
        items.add(item);
        pump();
        return item;
    }

    /** Adds an item that was skipped (a conflict answered with "skip"), for the record. */
    public TransferItem skipped(TransferRequest r) {
        TransferItem item = new TransferItem(r);
        item.stateProperty().set(TransferState.SKIPPED);
        items.add(item);
        return item;
    }

    public void pause(TransferItem item) {
        stop(item, TransferState.PAUSED);
    }

    public void cancel(TransferItem item) {
        stop(item, TransferState.CANCELLED);
    }

    private void stop(TransferItem item, TransferState as) {
        if (item.state() == TransferState.RUNNING) {
            item.stopAs = as;
            item.cancellation.cancel();
        } else if (item.state() == TransferState.QUEUED || item.state() == TransferState.PAUSED) {
            item.stateProperty().set(as);
            updateSummary();
        }
    }

    /** Continues a paused item after the bytes already there. */
    public void resume(TransferItem item) {
        if (item.state() == TransferState.PAUSED) {
            requeue(item);
        }
    }

    /** Runs a failed or cancelled item again, resuming. */
    public void retry(TransferItem item) {
        if (item.state() == TransferState.FAILED || item.state() == TransferState.CANCELLED) {
            requeue(item);
        }
    }

    private void requeue(TransferItem item) {
        item.setRequest(item.request().withResume(true));
        item.errorProperty().set("");
        item.stateProperty().set(TransferState.QUEUED);
        pump();
    }

    /** Removes finished items from the list. */
    public void clearFinished() {
        items.removeIf(i -> i.state().finished());
        updateSummary();
    }

    /** Cancels everything (the tab closes). */
    public void cancelAll() {
        for (TransferItem i : items) {
            cancel(i);
        }
    }

    private void pump() {
        for (TransferItem i : items) {
            if (running >= parallel.get()) {
                break;
            }
            if (i.state() == TransferState.QUEUED) {
                start(i);
            }
        }
        updateSummary();
    }

    private void start(TransferItem item) {
        running++;
        item.stateProperty().set(TransferState.RUNNING);
        item.stopAs = null;
        Cancellation cancel = new Cancellation();
        item.cancellation = cancel;
        TransferRequest r = item.request();
        try {
            workers.execute(() -> run(item, r, cancel));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            end(item, TransferState.FAILED, "the browser is closing"); // its workers have stopped
        }
    }

    private void run(TransferItem item, TransferRequest r, Cancellation cancel) {
        long t0 = System.nanoTime();
        try {
            if (item.sizeProperty().get() < 0 || r.directory()) {
                long size = transferer.measure(r);
                fx.execute(() -> item.sizeProperty().set(size));
            }
            transferer.transfer(r, p -> fx.execute(() -> progress(item, r, p, t0)), cancel);
            fx.execute(() -> end(item, TransferState.DONE, ""));
        } catch (TransferCancelledException e) {
            fx.execute(() -> end(item, item.stopAs == null ? TransferState.CANCELLED : item.stopAs, ""));
        } catch (Exception e) {
            String why = ErrorText.of(e);
            fx.execute(() -> end(item, cancel.isCancelled() && item.stopAs != null ? item.stopAs : TransferState.FAILED,
                    cancel.isCancelled() ? "" : why));
        }
    }

    private void progress(TransferItem item, TransferRequest r, TransferProgress p, long t0) {
        if (item.state() != TransferState.RUNNING) {
            return;
        }
        long done = r.directory() ? p.totalBytes() : p.fileBytes();
        double secs = (System.nanoTime() - t0) / 1e9;
        double rate = r.directory() || secs <= 0 ? (secs > 0 ? p.totalBytes() / secs : 0) : p.bytesPerSecond();
        item.update(done, rate);
        updateSummary();
    }

    private void end(TransferItem item, TransferState state, String error) {
        running--;
        item.stateProperty().set(state);
        item.errorProperty().set(error);
        item.speedProperty().set(0);
        item.etaProperty().set("");
        if (state == TransferState.DONE) {
            item.update(Math.max(item.sizeProperty().get(), item.doneProperty().get()), 0);
        }
        onFinished.accept(item);
        pump();
    }

    private void updateSummary() {
        long active = items.stream().filter(i -> i.state() == TransferState.QUEUED || i.state() == TransferState.RUNNING).count();
        if (active == 0) {
            summary.set("");
            return;
        }
        long total = 0;
        long done = 0;
        double rate = 0;
        for (TransferItem i : items) {
            if (i.state() == TransferState.QUEUED || i.state() == TransferState.RUNNING) {
                total += Math.max(0, i.sizeProperty().get());
                done += i.doneProperty().get();
                rate += i.speedProperty().get();
            }
        }
        String pct = total > 0 ? " · " + (int) (100.0 * done / total) + "%" : "";
        summary.set(active + (active == 1 ? " transfer" : " transfers") + pct + (rate > 0 ? " · " + Formats.rate(rate) : ""));
    }
}
