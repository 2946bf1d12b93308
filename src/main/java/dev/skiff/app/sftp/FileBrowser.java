package dev.skiff.app.sftp;

import java.io.IOException;
import java.util.List;

/**
 * The file system behind one pane of the browser: the local disk ({@link LocalFileBrowser}) or an
 * SFTP server ({@link RemoteFileBrowser}). Both panes share one {@link PaneViewModel} through this
 * interface. Paths are strings in the browser's own syntax ("/" separated on both sides here).
 *
 * <p>Threads: every method may block (disk or network) and must be called on a worker thread,
 * never on the FX Application Thread. Implementations are safe for use from several workers.
 * Errors are {@link IOException}s whose text {@link ErrorText} turns into a user message.
 */
public interface FileBrowser extends AutoCloseable {
    /** A short name for the pane header, e.g. "Local" or "alice@host". */
    String title();

    /** Whether this is the SFTP side. */
    boolean isRemote();

    /** The directory a pane starts in. */
    String home() throws IOException;

    /** The entries of {@code dir}, without "." and "..". */
    List<FileEntry> list(String dir) throws IOException;

    /** The entry at {@code path}, following links. */
    FileEntry stat(String path) throws IOException;

    /** The entry at {@code path} or null when nothing is there. */
    FileEntry statOrNull(String path) throws IOException;

    /** Resolves "..", "." and links into an absolute path. */
    String canonical(String path) throws IOException;

    void mkdir(String path) throws IOException;

    /** Creates an empty file; fails if something is already there. */
    void createFile(String path) throws IOException;

    void rename(String from, String to) throws IOException;

    /** Removes one file, link or empty directory (see {@link FileOperations} for trees). */
    void delete(String path, boolean directory) throws IOException;

    /** Sets the permission bits (07777) of one entry. */
    void chmod(String path, int mode) throws IOException;

    /** The parent directory of {@code path} ("/" for "/"). */
    default String parent(String path) {
        return Paths.parent(path);
    }

    /** {@code dir} + "/" + {@code name}. */
    default String resolve(String dir, String name) {
        return Paths.resolve(dir, name);
    }

    @Override
    default void close() {
    }
}
