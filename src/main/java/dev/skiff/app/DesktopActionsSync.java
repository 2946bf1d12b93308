package dev.skiff.app;

import dev.skiff.app.launch.DesktopActions;
import dev.skiff.app.sessions.HostStore;
import dev.skiff.app.sessions.SavedHost;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the desktop entry's saved-host actions ({@link DesktopActions}) in step with the
 * {@link HostStore}: after a change, once the hosts have been quiet for {@link #DELAY}, the entry is
 * rewritten on the {@code skiff-desktop-actions} daemon thread (only when the labels changed).
 * Does nothing unless the app runs from an installed Linux package
 * ({@link DesktopActions#forInstalledApp()}, looked up on that thread).
 *
 * <p>Thread-safe: the store's listener may fire on any thread; file I/O never runs on the caller's.
 */
final class DesktopActionsSync implements AutoCloseable {

    /** How long the hosts must stay unchanged before the entry is written. */
    static final Duration DELAY = Duration.ofSeconds(1);

    private final Supplier<Optional<DesktopActions>> locate;
    private Optional<DesktopActions> actions; // found on the sync thread, on the first write
    private final Duration delay;
    private final ScheduledExecutorService thread;
    private final Consumer<List<SavedHost>> listener = this::hostsChanged;
    private HostStore hosts;
    private ScheduledFuture<?> pending;
    private Runnable pendingWrite;
    private List<String> written;

    DesktopActionsSync(DesktopActions actions, Duration delay) {
        this(() -> Optional.of(actions), delay);
    }

    private DesktopActionsSync(Supplier<Optional<DesktopActions>> locate, Duration delay) {
        this.locate = locate;
        this.delay = delay;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skiff-desktop-actions");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Follows {@code hosts} when this process runs from an installed package (and writes the
     * current hosts once); otherwise returns a no-op. Close it when the app stops.
     */
    static AutoCloseable start(HostStore hosts) {
        if (System.getProperty("jpackage.app-path") == null) {
            return () -> { }; // not a jpackage launcher: nothing installed to update
        }
        DesktopActionsSync sync = new DesktopActionsSync(DesktopActions::forInstalledApp, DELAY);
        sync.follow(hosts);
        return sync;
    }

    /** Listens to {@code hosts} and schedules a write of its current labels. */
    void follow(HostStore store) {
        synchronized (this) {
            hosts = store;
        }
        store.addListener(listener);
        hostsChanged(store.hosts());
    }

    /** Schedules a write of these hosts' labels, replacing one not yet done. Any thread. */
    synchronized void hostsChanged(List<SavedHost> list) {
        List<String> labels = list.stream().map(SavedHost::label).filter(l -> !l.isBlank()).toList();
        if (pending != null) {
            pending.cancel(false);
        }
        pendingWrite = () -> write(labels);
        if (!thread.isShutdown()) {
            pending = thread.schedule(pendingWrite, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void write(List<String> labels) {
        synchronized (this) {
            if (labels.equals(written)) {
                return;
            }
            written = labels;
        }
        if (actions == null) {
            actions = locate.get(); // reads the installed entry: this thread only
        }
        if (actions.isEmpty()) {
            return;
        }
        try {
            actions.get().update(labels);
        } catch (IOException | RuntimeException e) {
            System.err.println("skiff: could not update the desktop entry's host actions: " + e.getMessage());
        }
    }

    /** Stops following the store, writes a change still waiting, and ends the thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (hosts != null) {
                hosts.removeListener(listener);
            }
            if (pending != null && pending.cancel(false)) {
                thread.execute(pendingWrite);
            }
            pending = null;
            thread.shutdown();
        }
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
