package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Applies SETSTAT / FSETSTAT / lsetstat@openssh.com attributes (filexfer-02 section 6.9) in
 * OpenSSH's order: size, permissions, times, owner. Approximations: FSETSTAT works on the
 * handle's path (Java has no fchmod/futimes) except for the size, which uses the handle's
 * channel; permissions go through the JDK {@code unix:mode} attribute when present (all 12 bits),
 * else the POSIX permission set (setuid/setgid/sticky dropped); a size larger than the file
 * extends it with zeros.
 */
final class AttrApplier {
    private AttrApplier() {
    }

    /**
     * @param channel the open file for FSETSTAT, else null
     * @param follow false for lsetstat (act on a symbolic link itself)
     */
    static void apply(Path path, FileChannel channel, SftpAttrs a, boolean follow) throws IOException {
        LinkOption[] opts = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        if (a.has(ATTR_SIZE)) {
            if (a.size() < 0) {
                throw new IOException("size out of range");
            }
            if (channel != null) {
                resize(channel, a.size());
            } else {
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    resize(ch, a.size());
                }
            }
        }
        if (a.has(ATTR_PERMISSIONS)) {
            int mode = (int) (a.permissions() & 07777);
            try {
                Files.setAttribute(path, "unix:mode", mode, opts);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                Files.setPosixFilePermissions(path, permissions(mode));
            }
        }
        if (a.has(ATTR_ACMODTIME)) {
            Files.getFileAttributeView(path, BasicFileAttributeView.class, opts)
                    .setTimes(FileTime.fromMillis(a.mtime() * 1000), FileTime.fromMillis(a.atime() * 1000), null);
        }
        if (a.has(ATTR_UIDGID)) {
            Files.setAttribute(path, "unix:uid", (int) a.uid(), opts);
            Files.setAttribute(path, "unix:gid", (int) a.gid(), opts);
        }
    }

    private static void resize(FileChannel ch, long size) throws IOException {
        long current = ch.size();
        if (size < current) {
            ch.truncate(size);
        } else if (size > current) {
            ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }

    /** The POSIX permission set of the low 9 mode bits. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                set.add(p);
            }
        }
        return set;
    }
}
