package dev.skiff.ssh.sftp.server;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The open handles of one session (filexfer-02 section 6.2). A handle is 4 opaque bytes: a
 * per-session counter, never reused within the session, so a stale handle never reaches another
 * file. At most {@code max} handles are open; all are closed when the session ends. Used by the
 * session thread only.
 */
final class HandleTable implements Closeable {

    /** An open handle. */
    sealed interface Entry extends Closeable {
        SftpRoot.Resolved path();
    }

    /** An open file; {@code append} writes ignore the offset and go to the end (FXF_APPEND). */
    record FileHandle(SftpRoot.Resolved path, FileChannel channel, boolean readable, boolean writable,
            boolean append) implements Entry {
        public void close() throws IOException {
            channel.close();
        }
    }

    /** An open directory; {@code dotsSent} says whether "." and ".." were already listed. */
    static final class DirHandle implements Entry {
        private final SftpRoot.Resolved path;
        private final DirectoryStream<Path> stream;
        final Iterator<Path> entries;
        boolean dotsSent;

        DirHandle(SftpRoot.Resolved path, DirectoryStream<Path> stream) {
            this.path = path;
            this.stream = stream;
            this.entries = stream.iterator();
        }

        public SftpRoot.Resolved path() {
            return path;
        }

        public void close() throws IOException {
            stream.close();
        }
    }

    private final int max;
    private final Map<Integer, Entry> open = new LinkedHashMap<>();
    private int next = 1;

    HandleTable(int max) {
        this.max = max;
    }

    int size() {
        return open.size();
    }

    /** Registers {@code e}; when the table is full, closes {@code e} and throws. */
    byte[] add(Entry e) throws IOException {
        if (open.size() >= max || next == 0) {
            e.close();
            throw new IOException("too many open handles");
        }
        int h = next++;
        open.put(h, e);
        return new byte[] {(byte) (h >>> 24), (byte) (h >>> 16), (byte) (h >>> 8), (byte) h};
    }

    /** The entry for {@code handle}, or null if it is not an open handle of this session. */
    Entry get(byte[] handle) {
        Integer k = key(handle);
        return k == null ? null : open.get(k);
    }

    Entry remove(byte[] handle) {
        Integer k = key(handle);
        return k == null ? null : open.remove(k);
    }

    private static Integer key(byte[] h) {
        if (h.length != 4) {
            return null;
        }
        return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
    }

    /** Closes every handle, ignoring individual failures. */
    @Override
    public void close() {
        for (Entry e : open.values()) {
            try {
                e.close();
            } catch (IOException ignored) {
                // the session is ending; nothing to report the failure to
            }
        }
        open.clear();
    }
}
