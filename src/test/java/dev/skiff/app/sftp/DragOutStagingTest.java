package dev.skiff.app.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drag-out staging through the real queue: items download to hidden partial names in a private
 * directory and take their final names only when complete; cancelled or discarded drags leave
 * nothing under a final name. The "FX thread" is a single-thread executor.
 */
class DragOutStagingTest {
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    @TempDir
    Path tmp;
    private Path base;
    private InMemoryFileBrowser remote;
    private DiskDownloadTransferer transferer;
    private BrowserViewModel vm;

    @BeforeEach
    void setUp() {
        base = tmp.resolve("cache").resolve("drag-out");
        remote = new InMemoryFileBrowser(true, "/srv");
        remote.file("/srv/big.iso", "0123456789".repeat(20));
        remote.file("/srv/docs/a.txt", "alpha");
        remote.file("/srv/docs/sub/b.txt", "beta beta");
        transferer = new DiskDownloadTransferer(remote);
        InMemoryFileBrowser local = new InMemoryFileBrowser(false, "/home/me");
        on(() -> {
            PaneViewModel l = new PaneViewModel(local, workers, fx);
            PaneViewModel r = new PaneViewModel(remote, workers, fx);
            vm = new BrowserViewModel(l, r, new TransferQueue(transferer, workers, fx), TransferSettings.defaults(),
                    null, workers, fx);
            vm.setDragOutBase(base);
            return null;
        });
    }

    /**
     * Lets every transfer end and report before anything stops (a transfer reporting to a stopped
     * "FX" executor would throw on a worker thread, which TestFX then blames on a later GUI test),
     * and before JUnit deletes the temporary directory they write to.
     */
    @AfterEach
    void tearDown() throws Exception {
        transferer.gate.release(1_000_000);
        on(() -> {
            vm.queue().cancelAll();
            return null;
        });
        waitFor(() -> on(() -> vm.queue().items().stream().allMatch(i -> i.state().finished())));
        workers.shutdown();
        assertTrue(workers.awaitTermination(20, TimeUnit.SECONDS), "transfers still running");
        on(() -> null); // their last reports
        fx.shutdown();
        assertTrue(fx.awaitTermination(20, TimeUnit.SECONDS));
    }

    private <T> T on(Callable<T> c) {
        try {
            return fx.submit(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitFor(BooleanSupplier b) {
        waitFor(b, () -> "timed out");
    }

    private static void waitFor(BooleanSupplier b, java.util.function.Supplier<String> why) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!b.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, why);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private DragOutStaging.Batch drag(String... paths) throws Exception {
        List<FileEntry> entries = new java.util.ArrayList<>();
        for (String p : paths) {
            entries.add(remote.stat(p));
        }
        return on(() -> vm.dragOut().start(entries));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private boolean finished(DragOutStaging.Batch b) {
        return on(() -> b.transfers().stream().allMatch(i -> i.state().finished()));
    }

    @Test
    void itemsTakeTheirFinalNamesOnlyWhenComplete() throws Exception {
        transferer.gate.drainPermits();
        DragOutStaging.Batch b = drag("/srv/big.iso", "/srv/docs");
        Path dir = b.dir();
        assertEquals(List.of(dir.resolve("big.iso"), dir.resolve("docs")), b.files());
        assertEquals(base, dir.getParent());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(base)));
        assertEquals(2, on(() -> vm.queue().items().size()));
        transferer.gate.release(50);
        waitFor(() -> Files.exists(dir.resolve(".big.iso.skiff-part")));
        assertFalse(Files.exists(dir.resolve("big.iso")));
        assertFalse(Files.exists(dir.resolve("docs")));
        assertFalse(b.complete());
        transferer.gate.release(1_000_000);
        waitFor(b::complete);
        assertEquals(List.of("big.iso", "docs"), names(dir));
        assertEquals("0123456789".repeat(20), Files.readString(dir.resolve("big.iso")));
        assertEquals("alpha", Files.readString(dir.resolve("docs/a.txt")));
        assertEquals("beta beta", Files.readString(dir.resolve("docs/sub/b.txt")));
    }

    @Test
    void aCancelledDownloadLeavesNoFinalNameAndNoStaging() throws Exception {
        transferer.gate.drainPermits();
        DragOutStaging.Batch b = drag("/srv/big.iso", "/srv/docs");
        Path dir = b.dir();
        transferer.gate.release(3);
        waitFor(() -> on(() -> b.transfers().stream().mapToLong(i -> i.doneProperty().get()).sum()) == 3);
        assertTrue(Files.exists(dir.resolve(".big.iso.skiff-part")) || Files.exists(dir.resolve(".docs.skiff-part")));
        on(() -> {
            b.transfers().forEach(i -> vm.queue().cancel(i));
            return null;
        });
        transferer.gate.release(1_000_000);
        waitFor(() -> finished(b));
        assertEquals(TransferState.CANCELLED, on(() -> b.transfers().get(0).state()));
        waitFor(() -> {
            try {
                return names(dir).isEmpty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, () -> {
            try {
                return "left: " + names(dir) + " states " + on(() -> b.transfers().stream().map(TransferItem::state).toList());
            } catch (Exception e) {
                return e.toString();
            }
        });
        assertFalse(b.complete());
    }

    @Test
    void anExternalDropBeforeTheEndSaysWhereTheCopyWillBe() throws Exception {
        transferer.gate.drainPermits();
        DragOutStaging.Batch b = drag("/srv/big.iso");
        on(() -> {
            vm.dragOut().dragDone(b, true);
            return null;
        });
        String notice = on(() -> vm.remote().noticeProperty().get());
        assertEquals("Dragged out: big.iso is still downloading to " + b.dir() + "; it will be complete there", notice);
        transferer.gate.release(1_000_000);
        waitFor(() -> on(() -> vm.remote().noticeProperty().get()).equals("Dragged out: big.iso is complete in " + b.dir()));
        assertTrue(Files.isRegularFile(b.dir().resolve("big.iso")));
        assertFalse(on(b::discarded));
    }

    @Test
    void anInAppDropOrARefusedDragDropsTheDownloadAndItsQueueRows() throws Exception {
        transferer.gate.drainPermits();
        DragOutStaging.Batch inApp = drag("/srv/big.iso", "/srv/docs");
        transferer.gate.release(5);
        on(() -> {
            vm.dragOut().droppedInApp();
            vm.dragOut().dragDone(inApp, true);
            return null;
        });
        DragOutStaging.Batch refused = drag("/srv/docs");
        on(() -> {
            vm.dragOut().dragDone(refused, false);
            return null;
        });
        transferer.gate.release(1_000_000);
        waitFor(() -> on(() -> vm.queue().items().isEmpty()));
        waitFor(() -> !Files.exists(inApp.dir()) && !Files.exists(refused.dir()));
        assertTrue(on(inApp::discarded) && on(refused::discarded));
        assertEquals("", on(() -> vm.remote().noticeProperty().get()));
    }

    @Test
    void staleDragDirectoriesAreRemoved() throws Exception {
        Path old = Files.createDirectories(base.resolve("drag-old").resolve("x"));
        Files.writeString(old.resolve("f"), "old");
        Files.setLastModifiedTime(base.resolve("drag-old"), FileTime.from(Instant.now().minus(DragOutStaging.STALE).minusSeconds(60)));
        Path recent = Files.createDirectories(base.resolve("drag-recent"));
        drag("/srv/big.iso");
        waitFor(() -> !Files.exists(base.resolve("drag-old")));
        assertTrue(Files.exists(recent));
    }
}
