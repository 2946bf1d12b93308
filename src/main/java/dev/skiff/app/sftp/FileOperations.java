package dev.skiff.app.sftp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-item and recursive operations on a {@link FileBrowser}: each item is tried, failures are
 * collected per item (the rest goes on), and the result says which failed. Blocking; workers only.
 */
final class FileOperations {
    private static final int MAX_DEPTH = 64;
    private final FileBrowser fs;
    private final List<String> failures = new ArrayList<>();
    private int succeeded;

    FileOperations(FileBrowser fs) {
        this.fs = fs;
    }

    OperationReport report(String operation) {
        return new OperationReport(operation, succeeded, failures);
    }

    /** Deletes each entry, directories with their contents. Links are removed, never followed. */
    void delete(List<FileEntry> entries) {
        for (FileEntry e : entries) {
            if (deleteTree(e.path(), e.directory() && !e.link(), 0)) {
                succeeded++;
            }
        }
    }

    private boolean deleteTree(String path, boolean directory, int depth) {
        if (directory && depth < MAX_DEPTH) {
            List<FileEntry> children;
            try {
                children = fs.list(path);
            } catch (IOException e) {
                failures.add(ErrorText.of(e));
                return false;
            }
            boolean all = true;
            for (FileEntry c : children) {
                all &= deleteTree(c.path(), c.directory() && !c.link(), depth + 1);
            }
            if (!all) {
                return false;
            }
        }
        try {
            fs.delete(path, directory);
            return true;
        } catch (IOException e) {
            failures.add(ErrorText.of(e));
            return false;
        }
    }

    /** Sets {@code mode} on each entry; with {@code recursive}, on everything below directories too. */
    void chmod(List<FileEntry> entries, int mode, boolean recursive) {
        for (FileEntry e : entries) {
            if (chmodTree(e, mode, recursive, 0)) {
                succeeded++;
            }
        }
    }

    private boolean chmodTree(FileEntry e, int mode, boolean recursive, int depth) {
        boolean ok = true;
        try {
            fs.chmod(e.path(), mode);
        } catch (IOException x) {
            failures.add(ErrorText.of(x));
            ok = false;
        }
        if (recursive && e.directory() && !e.link() && depth < MAX_DEPTH) {
            try {
                for (FileEntry c : fs.list(e.path())) {
                    ok &= chmodTree(c, mode, true, depth + 1);
                }
            } catch (IOException x) {
                failures.add(ErrorText.of(x));
                ok = false;
            }
        }
        return ok;
    }

    /** Runs one single-item action, recording its failure. */
    void single(IoAction action) {
        try {
            action.run();
            succeeded++;
        } catch (IOException e) {
            failures.add(ErrorText.of(e));
        }
    }

    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }
}
