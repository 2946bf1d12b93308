package dev.skiff.ssh.sftp.server;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;

/**
 * The state one SFTP session's request handlers share: the root, the handle table, the read-only
 * switch and the id-to-name cache. Used by the session thread only.
 */
final class SftpSession implements Closeable {
    final SftpRoot root;
    final HandleTable handles;
    final boolean readOnly;
    final int maxHandles;
    final IdNames names = new IdNames();

    SftpSession(SftpRoot root, boolean readOnly, int maxHandles) {
        this.root = root;
        this.readOnly = readOnly;
        this.maxHandles = maxHandles;
        this.handles = new HandleTable(maxHandles);
    }

    /** Refuses modifications in read-only mode (as OpenSSH's {@code sftp-server -R}). */
    void requireWritable() throws AccessDeniedException {
        if (readOnly) {
            throw new AccessDeniedException(null, null, "read-only server");
        }
    }

    /** Resolves a path that is about to be modified, removed or replaced: never the root itself. */
    SftpRoot.Resolved resolveForChange(String path) throws IOException {
        requireWritable();
        SftpRoot.Resolved r = root.resolve(path, false);
        if (r.isRoot()) {
            throw new PathEscapeException(path, "the root cannot be changed");
        }
        return r;
    }

    HandleTable.FileHandle file(byte[] handle) throws InvalidHandleException {
        HandleTable.Entry e = handles.get(handle);
        if (e instanceof HandleTable.FileHandle) {
            return (HandleTable.FileHandle) e;
        }
        throw new InvalidHandleException();
    }

    HandleTable.DirHandle dir(byte[] handle) throws InvalidHandleException {
        HandleTable.Entry e = handles.get(handle);
        if (e instanceof HandleTable.DirHandle) {
            return (HandleTable.DirHandle) e;
        }
        throw new InvalidHandleException();
    }

    FileStat stat(java.nio.file.Path real) throws IOException {
        FileStat st = FileStat.read(real, false);
        names.remember(st);
        return st;
    }

    @Override
    public void close() {
        handles.close();
    }

    /** A handle that is not open in this session, or of the wrong kind: FAILURE, as OpenSSH answers. */
    static final class InvalidHandleException extends IOException {
        private static final long serialVersionUID = 1L;

        InvalidHandleException() {
            super("Invalid handle");
        }
    }
}
