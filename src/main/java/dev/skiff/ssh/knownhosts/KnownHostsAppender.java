package dev.skiff.ssh.knownhosts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Appends one line to a known_hosts file without ever rewriting it, so no other line can be lost.
 *
 * <p>Safe against concurrent appenders: the file is opened with {@code O_APPEND} (so even writers
 * that take no lock, like OpenSSH's {@code ssh}, cannot overwrite us), an exclusive
 * {@link FileLock} is held across "does the file end with a newline?" and the write (other
 * processes using locks), and a per-file monitor serialises threads of this JVM (a JVM cannot
 * hold two overlapping {@code FileLock}s on one file). The line, with a leading newline if the
 * file lacks a final one, goes out in a single write and is forced to disk.
 *
 * <p>Missing parent directories are created with mode 0700 and a missing file with 0600 on
 * POSIX file systems (as {@code ~/.ssh} and {@code known_hosts} should be). Blocking.
 *
 * <p>Deliberately not the house "write a temporary file and rename" pattern: a rename would drop
 * lines appended meanwhile by other programs and replace a symlinked known_hosts with a copy.
 */
final class KnownHostsAppender {
    private static final ConcurrentMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private KnownHostsAppender() {
    }

    /**
     * @param line one line, without line terminator
     * @throws IOException if the directory or file cannot be created or written
     */
    static void append(Path file, String line) throws IOException {
        createIfMissing(file);
        Path real = file.toRealPath();
        Object monitor = JVM_LOCKS.computeIfAbsent(real, p -> new Object());
        synchronized (monitor) {
            try (FileChannel out = FileChannel.open(real, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                FileLock lock = out.lock();
                try {
                    String text = (endsWithNewline(real, out.size()) ? "" : "\n") + line + "\n";
                    ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                    while (buf.hasRemaining()) {
                        out.write(buf); // regular files take it all at once; the loop is only a guard
                    }
                    out.force(false);
                } finally {
                    lock.release();
                }
            }
        }
    }

    private static boolean endsWithNewline(Path file, long size) throws IOException {
        if (size == 0) {
            return true;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return in.read(last, size - 1) == 1 && last.get(0) == '\n';
        }
    }

    private static void createIfMissing(Path file) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            if (posix) {
                Files.createDirectories(parent, mode("rwx------"));
            } else {
                Files.createDirectories(parent);
            }
        }
        if (Files.notExists(file)) {
            try {
                if (posix) {
                    Files.createFile(file, mode("rw-------"));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException e) {
                // another appender created it first: fine
            }
        }
    }

    private static FileAttribute<?> mode(String perms) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
    }
}
