package dev.skiff.app.interaction;

import dev.skiff.ssh.knownhosts.KnownHostsEntry;
import dev.skiff.ssh.knownhosts.KnownHostsFile;
import dev.skiff.ssh.knownhosts.KnownHostsLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Removes known_hosts lines (a replaced host key) by rewriting the file atomically: a temporary
 * file in the same directory, forced to disk, given the old file's permissions, then moved over
 * the real path (so a symlinked file stays a symlink). Other lines, comments and invalid lines are
 * kept byte for byte (up to the line terminator). A line is only removed if it still holds the
 * same entry as when it was read. Blocking; callers serialise rewrites of one file.
 */
final class KnownHostsRewriter {
    private KnownHostsRewriter() {
    }

    static void removeLines(Path file, List<KnownHostsEntry> remove) throws IOException {
        if (remove.isEmpty() || Files.notExists(file)) {
            return;
        }
        Path real = file.toRealPath();
        StringBuilder kept = new StringBuilder();
        for (KnownHostsLine line : KnownHostsFile.load(real).lines()) {
            boolean drop = line.entry().map(e -> remove.stream().anyMatch(r -> sameEntry(r, e))).orElse(false);
            if (!drop) {
                kept.append(line.text()).append('\n');
            }
        }
        write(real, kept.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean sameEntry(KnownHostsEntry a, KnownHostsEntry b) {
        return a.lineNumber() == b.lineNumber() && a.marker() == b.marker() && a.hostField().equals(b.hostField())
                && a.keyType().equals(b.keyType()) && Arrays.equals(a.blob(), b.blob());
    }

    private static void write(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        Set<PosixFilePermission> mode = posix ? Files.getPosixFilePermissions(target) : null;
        Path tmp = posix
                ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                out.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(tmp, mode);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
