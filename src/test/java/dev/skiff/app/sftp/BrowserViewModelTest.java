package dev.skiff.app.sftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Copies between two in-memory panes through the queue. Workers are real threads; the "FX
 * thread" is a single-thread executor, and the test reads state through it.
 */
class BrowserViewModelTest {
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private InMemoryFileBrowser local;
    private InMemoryFileBrowser remote;
    private InMemoryTransferer transferer;
    private BrowserViewModel vm;
    private ConflictResolver.Answer answer = new ConflictResolver.Answer(ConflictChoice.OVERWRITE, false);
    private int questions;

    @BeforeEach
    void setUp() {
        local = new InMemoryFileBrowser(false, "/home/me");
        remote = new InMemoryFileBrowser(true, "/srv");
        local.file("/home/me/one.txt", "first file");
        local.file("/home/me/two.txt", "second");
        local.file("/home/me/three.txt", "third!");
        transferer = new InMemoryTransferer(local, remote);
        on(() -> {
            PaneViewModel l = new PaneViewModel(local, workers, fx);
            PaneViewModel r = new PaneViewModel(remote, workers, fx);
            vm = new BrowserViewModel(l, r, new TransferQueue(transferer, workers, fx), TransferSettings.defaults(),
                    (req, existing) -> {
                        questions++;
                        return CompletableFuture.completedFuture(answer);
                    }, workers, fx);
            l.home();
            r.home();
            return null;
        });
        waitFor(() -> on(() -> !vm.local().entries().isEmpty() && vm.remote().path().equals("/srv")));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        transferer.gate.release(1_000_000);
        // workers post their results to fx: let them end first, or a late one is rejected by a
        // stopped fx executor (and the error surfaces in a later test)
        workers.shutdown();
        assertTrue(workers.awaitTermination(20, TimeUnit.SECONDS), "workers still running");
        fx.shutdown();
        assertTrue(fx.awaitTermination(20, TimeUnit.SECONDS));
    }

    private <T> T on(java.util.concurrent.Callable<T> c) {
        try {
            return fx.submit(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitFor(BooleanSupplier b) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!b.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private List<TransferItem> uploadAll() {
        CompletableFuture<List<TransferItem>> f = on(() -> vm.copy(vm.local(), List.copyOf(vm.local().entries())));
        return f.join();
    }

    private void run(Runnable r) {
        on(() -> {
            r.run();
            return null;
        });
    }

    private TransferState state(TransferItem i) {
        return on(i::state);
    }

    @Test
    void uploadsEveryFileAndRefreshesTheRemotePane() {
        List<TransferItem> items = uploadAll();
        assertEquals(3, items.size());
        waitFor(() -> items.stream().allMatch(i -> state(i) == TransferState.DONE));
        assertArrayEquals(local.files.get("/home/me/one.txt"), remote.files.get("/srv/one.txt"));
        waitFor(() -> on(() -> vm.remote().entries().size()) == 3);
        assertEquals(1.0, on(() -> items.get(0).progressProperty().get()));
        waitFor(() -> on(() -> vm.queue().summaryProperty().get()).isEmpty());
    }

    @Test
    void runsAtMostTheConfiguredNumberInParallel() {
        transferer.gate.drainPermits();
        run(() -> vm.settingsProperty().set(vm.settingsProperty().get().withParallel(2)));
        List<TransferItem> items = uploadAll();
        waitFor(() -> on(() -> items.stream().filter(i -> i.state() == TransferState.RUNNING).count()) == 2);
        assertEquals(1, on(() -> items.stream().filter(i -> i.state() == TransferState.QUEUED).count()));
        assertTrue(on(() -> vm.queue().summaryProperty().get()).startsWith("3 transfers"));
        transferer.gate.release(1_000_000);
        waitFor(() -> items.stream().allMatch(i -> state(i) == TransferState.DONE));
    }

    @Test
    void pauseResumeCancelRetry() {
        transferer.gate.drainPermits();
        run(() -> vm.settingsProperty().set(vm.settingsProperty().get().withParallel(1)));
        List<TransferItem> items = uploadAll();
        TransferItem one = items.stream().filter(i -> i.name().equals("one.txt")).findFirst().orElseThrow();
        transferer.gate.release(3);
        waitFor(() -> on(() -> one.doneProperty().get()) >= 1);
        run(() -> vm.queue().pause(one));
        transferer.gate.release(1_000);
        waitFor(() -> state(one) == TransferState.PAUSED);
        int partial = remote.files.get("/srv/one.txt").length;
        assertTrue(partial < 10, "partial " + partial);
        run(() -> vm.queue().resume(one));
        waitFor(() -> state(one) == TransferState.DONE);
        assertEquals("first file", new String(remote.files.get("/srv/one.txt")));
        assertTrue(one.request().resume());
        TransferItem next = items.stream().filter(i -> i != one).findFirst().orElseThrow();
        waitFor(() -> state(next).finished() || state(next) == TransferState.RUNNING);
        run(() -> vm.queue().cancel(next));
        waitFor(() -> items.stream().allMatch(i -> state(i).finished()));
        run(() -> vm.queue().retry(next));
        waitFor(() -> state(next) == TransferState.DONE);
    }

    @Test
    void failedItemsShowWhyAndTheRestGoesOn() {
        local.deny.add("/home/me/two.txt");
        List<TransferItem> items = uploadAll();
        waitFor(() -> items.stream().allMatch(i -> state(i).finished()));
        TransferItem two = items.stream().filter(i -> i.name().equals("two.txt")).findFirst().orElseThrow();
        assertEquals(TransferState.FAILED, state(two));
        assertEquals("Permission denied: /home/me/two.txt", on(() -> two.errorProperty().get()));
        assertTrue(remote.files.containsKey("/srv/one.txt") && remote.files.containsKey("/srv/three.txt"));
        waitFor(() -> on(() -> vm.remote().errorProperty().get()).contains("two.txt failed"));
        local.deny.clear();
        run(() -> vm.queue().retry(two));
        waitFor(() -> state(two) == TransferState.DONE);
    }

    @Test
    void conflictsAskOnceWithApplyToAll() {
        remote.file("/srv/one.txt", "old");
        remote.file("/srv/two.txt", "old");
        on(() -> vm.remote().refresh());
        waitFor(() -> on(() -> vm.remote().entries().size()) == 2);
        answer = new ConflictResolver.Answer(ConflictChoice.RENAME, true);
        List<TransferItem> items = uploadAll();
        assertEquals(1, questions);
        waitFor(() -> items.stream().allMatch(i -> state(i) == TransferState.DONE));
        assertEquals("old", new String(remote.files.get("/srv/one.txt")));
        assertEquals("first file", new String(remote.files.get("/srv/one (1).txt")));
        assertEquals("second", new String(remote.files.get("/srv/two (1).txt")));
    }

    @Test
    void conflictSkipAndResumeFromSettings() {
        remote.file("/srv/one.txt", "first");
        remote.file("/srv/two.txt", "old");
        run(() -> vm.settingsProperty().set(vm.settingsProperty().get().withConflict(ConflictChoice.RESUME)));
        List<TransferItem> items = uploadAll();
        assertEquals(0, questions);
        waitFor(() -> items.stream().allMatch(i -> state(i).finished()));
        assertEquals("first file", new String(remote.files.get("/srv/one.txt")));
        run(() -> vm.settingsProperty().set(vm.settingsProperty().get().withConflict(ConflictChoice.SKIP)));
        List<TransferItem> again = uploadAll();
        assertTrue(again.stream().allMatch(i -> state(i) == TransferState.SKIPPED));
    }
}
