package dev.skiff.ssh.sftp;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * File attributes (draft-ietf-secsh-filexfer-02 section 5). The {@code flags} word says which
 * fields are present on the wire; absent fields hold 0 and must not be read as values.
 * <pre>
 * uint32 flags
 * uint64 size            if SIZE
 * uint32 uid, uint32 gid if UIDGID
 * uint32 permissions     if PERMISSIONS
 * uint32 atime, mtime    if ACMODTIME
 * uint32 count; count * (string type, string data)  if EXTENDED
 * </pre>
 */
public record SftpAttributes(int flags, long size, long uid, long gid, int permissions, long atime, long mtime,
        List<Extended> extended) {
    public static final int SIZE = 0x1;
    public static final int UIDGID = 0x2;
    public static final int PERMISSIONS = 0x4;
    public static final int ACMODTIME = 0x8;
    public static final int EXTENDED = 0x80000000;

    /** File type bits of {@code permissions} (POSIX {@code S_IFMT}). */
    public static final int S_IFMT = 0170000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;

    /** No attributes at all (flags 0). */
    public static final SftpAttributes EMPTY = new SftpAttributes(0, 0, 0, 0, 0, 0, 0, List.of());

    /** One vendor attribute pair. */
    public record Extended(String type, byte[] data) {
        public Extended {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Extended e && e.type.equals(type) && java.util.Arrays.equals(e.data, data);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + java.util.Arrays.hashCode(data);
        }
    }

    public SftpAttributes {
        extended = List.copyOf(extended);
        if (!extended.isEmpty()) {
            flags |= EXTENDED;
        }
    }

    public static SftpAttributes ofSize(long size) {
        return EMPTY.withSize(size);
    }

    public static SftpAttributes ofPermissions(int mode) {
        return EMPTY.withPermissions(mode);
    }

    public SftpAttributes withSize(long s) {
        return new SftpAttributes(flags | SIZE, s, uid, gid, permissions, atime, mtime, extended);
    }

    public SftpAttributes withOwner(long u, long g) {
        return new SftpAttributes(flags | UIDGID, size, u, g, permissions, atime, mtime, extended);
    }

    public SftpAttributes withPermissions(int mode) {
        return new SftpAttributes(flags | PERMISSIONS, size, uid, gid, mode, atime, mtime, extended);
    }

    /** Access and modification times, seconds since the epoch (uint32 on the wire). */
    public SftpAttributes withTimes(long a, long m) {
        return new SftpAttributes(flags | ACMODTIME, size, uid, gid, permissions, a, m, extended);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public boolean isDirectory() {
        return has(PERMISSIONS) && (permissions & S_IFMT) == S_IFDIR;
    }

    public boolean isRegularFile() {
        return has(PERMISSIONS) && (permissions & S_IFMT) == S_IFREG;
    }

    public boolean isSymbolicLink() {
        return has(PERMISSIONS) && (permissions & S_IFMT) == S_IFLNK;
    }

    public static SftpAttributes decode(WireReader r) throws ProtocolException {
        int flags = (int) r.uint32();
        long size = (flags & SIZE) != 0 ? r.uint64() : 0;
        long uid = 0;
        long gid = 0;
        if ((flags & UIDGID) != 0) {
            uid = r.uint32();
            gid = r.uint32();
        }
        int perm = (flags & PERMISSIONS) != 0 ? (int) r.uint32() : 0;
        long atime = 0;
        long mtime = 0;
        if ((flags & ACMODTIME) != 0) {
            atime = r.uint32();
            mtime = r.uint32();
        }
        List<Extended> ext = new ArrayList<>();
        if ((flags & EXTENDED) != 0) {
            long count = r.uint32();
            if (count > r.remaining() / 8) {
                throw new ProtocolException("SFTP attributes: " + count + " extended pairs cannot fit in " + r.remaining() + " bytes");
            }
            for (long i = 0; i < count; i++) {
                ext.add(new Extended(new String(r.string(), StandardCharsets.UTF_8), r.string()));
            }
        }
        return new SftpAttributes(flags, size, uid, gid, perm, atime, mtime, ext);
    }

    public void encode(WireWriter w) {
        w.uint32(flags & 0xffffffffL);
        if (has(SIZE)) {
            w.uint64(size);
        }
        if (has(UIDGID)) {
            w.uint32(uid).uint32(gid);
        }
        if (has(PERMISSIONS)) {
            w.uint32(permissions & 0xffffffffL);
        }
        if (has(ACMODTIME)) {
            w.uint32(atime).uint32(mtime);
        }
        if (has(EXTENDED)) {
            w.uint32(extended.size());
            for (Extended e : extended) {
                w.utf8(e.type()).string(e.data);
            }
        }
    }
}
