package dev.skiff.app.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pane ViewModel over an in-memory file system, with same-thread executors. */
class PaneViewModelTest {
    private static final Executor NOW = Runnable::run;
    private InMemoryFileBrowser fs;
    private PaneViewModel vm;

    @BeforeEach
    void setUp() {
        fs = new InMemoryFileBrowser(true, "/home/me");
        fs.file("/home/me/a.txt", "aaa");
        fs.file("/home/me/.hidden", "h");
        fs.file("/home/me/docs/b.md", "bb");
        fs.file("/home/me/docs/deep/c.bin", "c");
        vm = new PaneViewModel(fs, NOW, NOW);
        assertTrue(vm.home().join());
    }

    private List<String> names() {
        return vm.visible().stream().map(FileEntry::name).sorted().toList();
    }

    @Test
    void listsHomeHidingDotFilesUntilToggled() {
        assertEquals("/home/me", vm.path());
        assertEquals(List.of("a.txt", "docs"), names());
        vm.showHiddenProperty().set(true);
        assertEquals(List.of(".hidden", "a.txt", "docs"), names());
        vm.filterProperty().set("DOC");
        assertEquals(List.of("docs"), names());
        assertTrue(vm.statusProperty().get().contains("1 folder, 2 files"), vm.statusProperty().get());
    }

    @Test
    void navigatesWithHistory() {
        assertTrue(vm.navigate("docs").join());
        assertEquals("/home/me/docs", vm.path());
        assertTrue(vm.up().join());
        assertEquals("/home/me", vm.path());
        assertTrue(vm.canBackProperty().get());
        assertTrue(vm.back().join());
        assertEquals("/home/me/docs", vm.path());
        assertTrue(vm.canForwardProperty().get());
        assertTrue(vm.forward().join());
        assertEquals("/home/me", vm.path());
        assertFalse(vm.canForwardProperty().get());
    }

    @Test
    void errorsShowInThePaneAndKeepTheDirectory() {
        assertFalse(vm.navigate("/nowhere").join());
        assertEquals("No such file: /nowhere", vm.errorProperty().get());
        assertEquals("/home/me", vm.path());
        fs.deny.add("/home/me/docs");
        assertFalse(vm.navigate("docs").join());
        assertEquals("Permission denied: /home/me/docs", vm.errorProperty().get());
        assertTrue(vm.refresh().join());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void mkdirNewFileRenameDeleteChmod() {
        assertTrue(vm.mkdir("new").join().ok());
        assertTrue(fs.dirs.contains("/home/me/new"));
        assertTrue(vm.newFile("empty.txt").join().ok());
        assertEquals(0, fs.files.get("/home/me/empty.txt").length);
        FileEntry a = vm.entries().stream().filter(e -> e.name().equals("a.txt")).findFirst().orElseThrow();
        assertTrue(vm.rename(a, "z.txt").join().ok());
        assertTrue(fs.files.containsKey("/home/me/z.txt"));
        assertTrue(names().contains("z.txt"));
        FileEntry docs = vm.entries().stream().filter(e -> e.name().equals("docs")).findFirst().orElseThrow();
        assertTrue(vm.chmod(List.of(docs), 0700, true).join().ok());
        assertEquals(0700, fs.modes.get("/home/me/docs/deep/c.bin"));
        assertTrue(vm.delete(List.of(docs)).join().ok());
        assertFalse(fs.dirs.contains("/home/me/docs/deep"));
        assertFalse(names().contains("docs"));
    }

    @Test
    void multiDeleteGoesOnPastAFailureAndSaysWhich() {
        fs.file("/home/me/x", "x");
        fs.deny.add("/home/me/docs/deep");
        assertTrue(vm.refresh().join());
        List<FileEntry> all = List.copyOf(vm.entries());
        OperationReport r = vm.delete(all).join();
        assertFalse(r.ok());
        assertEquals(List.of("Permission denied: /home/me/docs/deep"), r.failures());
        assertFalse(fs.files.containsKey("/home/me/a.txt"));
        assertFalse(fs.files.containsKey("/home/me/x"));
        assertFalse(fs.files.containsKey("/home/me/docs/b.md"));
        assertEquals("Delete failed: Permission denied: /home/me/docs/deep", vm.errorProperty().get());
    }
}
