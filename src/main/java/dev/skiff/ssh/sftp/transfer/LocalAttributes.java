package dev.skiff.ssh.sftp.transfer;

import dev.skiff.ssh.sftp.SftpAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Maps times and permission bits between local files and {@link SftpAttributes}. */
final class LocalAttributes {
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private LocalAttributes() {
    }

    /** Permission bits (0777) and times of a local file, as SETSTAT attributes. */
    static SftpAttributes of(Path p) throws IOException {
        SftpAttributes a = SftpAttributes.EMPTY;
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view != null) {
            PosixFileAttributes pa = view.readAttributes();
            a = a.withPermissions(toMode(pa.permissions()));
            return a.withTimes(pa.lastAccessTime().to(TimeUnit.SECONDS), pa.lastModifiedTime().to(TimeUnit.SECONDS));
        }
        long m = Files.getLastModifiedTime(p).to(TimeUnit.SECONDS);
        return a.withTimes(m, m);
    }

    static int toMode(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (int i = 0; i < BITS.length; i++) {
            if (perms.contains(BITS[i])) {
                mode |= 1 << i;
            }
        }
        return mode;
    }

    /** Applies remote permission bits (0777 only: no set-id bits) and times to a local file. */
    static void apply(Path p, SftpAttributes a) throws IOException {
        if (a.has(SftpAttributes.PERMISSIONS)
                && Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null) {
            Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
            for (int i = 0; i < BITS.length; i++) {
                if ((a.permissions() & (1 << i)) != 0) {
                    perms.add(BITS[i]);
                }
            }
            Files.setPosixFilePermissions(p, perms);
        }
        if (a.has(SftpAttributes.ACMODTIME)) {
            Files.getFileAttributeView(p, PosixFileAttributeView.class).setTimes(FileTime.from(a.mtime(), TimeUnit.SECONDS),
                    FileTime.from(a.atime(), TimeUnit.SECONDS), null);
        }
    }
}
