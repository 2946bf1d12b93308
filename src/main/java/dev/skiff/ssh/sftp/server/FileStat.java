package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;

/**
 * Reads a file's attributes as SFTP v3 sends them (filexfer-02 section 5): size, uid/gid,
 * the full {@code st_mode} (type bits included, which OpenSSH's client relies on to tell
 * directories apart) and times in seconds.
 *
 * <p>Source: the JDK's {@code "unix"} attribute view, which has the raw mode, uid, gid and link
 * count. Where it is missing (non-Unix JDKs) the POSIX view is used and the mode is rebuilt from
 * the permission set and the file type (setuid/setgid/sticky bits then read as 0, uid/gid as
 * unknown and left out of the flags); with only the basic view, permissions are guessed (0755 for
 * directories, 0644 otherwise).
 */
public record FileStat(SftpAttrs attrs, long nlink, String owner, String group) {

    static final int S_IFMT = 0170000;
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;

    public boolean isDirectory() {
        return (attrs.permissions() & S_IFMT) == S_IFDIR;
    }

    /** Attributes of {@code path}; {@code follow} false describes a symbolic link itself. */
    public static FileStat read(Path path, boolean follow) throws IOException {
        LinkOption[] opts = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        int flags = ATTR_SIZE | ATTR_PERMISSIONS | ATTR_ACMODTIME;
        try {
            Map<String, Object> m = Files.readAttributes(path, "unix:*", opts);
            long mode = ((Integer) m.get("mode")) & 0xffffffffL;
            long uid = ((Integer) m.get("uid")) & 0xffffffffL;
            long gid = ((Integer) m.get("gid")) & 0xffffffffL;
            long nlink = ((Integer) m.get("nlink")) & 0xffffffffL;
            SftpAttrs a = new SftpAttrs(flags | ATTR_UIDGID, (Long) m.get("size"), uid, gid, mode,
                    seconds((FileTime) m.get("lastAccessTime")), seconds((FileTime) m.get("lastModifiedTime")), List.of());
            return new FileStat(a, nlink, name((UserPrincipal) m.get("owner"), uid),
                    name((UserPrincipal) m.get("group"), gid));
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException | NullPointerException e) {
            return readPortable(path, opts, flags);
        }
    }

    private static FileStat readPortable(Path path, LinkOption[] opts, int flags) throws IOException {
        try {
            PosixFileAttributes p = Files.readAttributes(path, PosixFileAttributes.class, opts);
            long mode = typeBits(p);
            for (PosixFilePermission perm : p.permissions()) {
                mode |= 1L << (8 - perm.ordinal());
            }
            return new FileStat(new SftpAttrs(flags, p.size(), 0, 0, mode, seconds(p.lastAccessTime()),
                    seconds(p.lastModifiedTime()), List.of()), 1, p.owner().getName(), p.group().getName());
        } catch (UnsupportedOperationException e) {
            BasicFileAttributes b = Files.readAttributes(path, BasicFileAttributes.class, opts);
            long mode = typeBits(b) | (b.isDirectory() ? 0755 : 0644);
            return new FileStat(new SftpAttrs(flags, b.size(), 0, 0, mode, seconds(b.lastAccessTime()),
                    seconds(b.lastModifiedTime()), List.of()), 1, "0", "0");
        }
    }

    private static long typeBits(BasicFileAttributes b) {
        return b.isDirectory() ? S_IFDIR : b.isSymbolicLink() ? S_IFLNK : S_IFREG;
    }

    private static String name(UserPrincipal p, long id) {
        return p == null ? Long.toString(id) : p.getName();
    }

    private static long seconds(FileTime t) {
        long s = t == null ? 0 : t.toMillis() / 1000;
        return Math.max(0, Math.min(s, 0xffffffffL));
    }
}
