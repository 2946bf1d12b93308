package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.ATTR_ACMODTIME;
import static dev.skiff.ssh.sftp.server.SftpProtocol.ATTR_EXTENDED;
import static dev.skiff.ssh.sftp.server.SftpProtocol.ATTR_PERMISSIONS;
import static dev.skiff.ssh.sftp.server.SftpProtocol.ATTR_SIZE;
import static dev.skiff.ssh.sftp.server.SftpProtocol.ATTR_UIDGID;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * File attributes of SFTP v3 (filexfer-02 section 5). Wire layout: {@code uint32 flags},
 * then {@code uint64 size} if SIZE, {@code uint32 uid, uint32 gid} if UIDGID,
 * {@code uint32 permissions} (full st_mode, type bits included) if PERMISSIONS,
 * {@code uint32 atime, uint32 mtime} if ACMODTIME, {@code uint32 count, (string, string)*} if
 * EXTENDED. Fields absent from {@code flags} hold 0 and mean "unchanged / unknown".
 *
 * @param extended type/data pairs, kept as received and ignored by the server
 */
public record SftpAttrs(int flags, long size, long uid, long gid, long permissions, long atime, long mtime,
        List<byte[]> extended) {

    /** Most extended pairs accepted in one attribute block. */
    public static final int MAX_EXTENDED = 64;

    /** No attribute set. */
    public static final SftpAttrs EMPTY = new SftpAttrs(0, 0, 0, 0, 0, 0, 0, List.of());

    public SftpAttrs {
        extended = List.copyOf(extended);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Decodes attributes at the reader's position (does not call expectEnd: attrs are embedded). */
    public static SftpAttrs decode(WireReader r) throws ProtocolException {
        int flags = (int) r.uint32();
        long size = (flags & ATTR_SIZE) != 0 ? r.uint64() : 0;
        long uid = 0;
        long gid = 0;
        if ((flags & ATTR_UIDGID) != 0) {
            uid = r.uint32();
            gid = r.uint32();
        }
        long perms = (flags & ATTR_PERMISSIONS) != 0 ? r.uint32() : 0;
        long atime = 0;
        long mtime = 0;
        if ((flags & ATTR_ACMODTIME) != 0) {
            atime = r.uint32();
            mtime = r.uint32();
        }
        List<byte[]> ext = new ArrayList<>();
        if ((flags & ATTR_EXTENDED) != 0) {
            long count = r.uint32();
            if (count > MAX_EXTENDED) {
                throw new ProtocolException("too many extended attributes: " + count);
            }
            for (long i = 0; i < count; i++) {
                ext.add(r.string());
                ext.add(r.string());
            }
        }
        return new SftpAttrs(flags, size, uid, gid, perms, atime, mtime, ext);
    }

    public void encode(WireWriter w) {
        int outFlags = extended.isEmpty() ? flags & ~ATTR_EXTENDED : flags | ATTR_EXTENDED;
        w.uint32(outFlags & 0xffffffffL);
        if (has(ATTR_SIZE)) {
            w.uint64(size);
        }
        if (has(ATTR_UIDGID)) {
            w.uint32(uid).uint32(gid);
        }
        if (has(ATTR_PERMISSIONS)) {
            w.uint32(permissions);
        }
        if (has(ATTR_ACMODTIME)) {
            w.uint32(atime).uint32(mtime);
        }
        if (!extended.isEmpty()) {
            w.uint32(extended.size() / 2);
            for (byte[] b : extended) {
                w.string(b);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SftpAttrs)) {
            return false;
        }
        SftpAttrs a = (SftpAttrs) o;
        if (flags != a.flags || size != a.size || uid != a.uid || gid != a.gid || permissions != a.permissions
                || atime != a.atime || mtime != a.mtime || extended.size() != a.extended.size()) {
            return false;
        }
        for (int i = 0; i < extended.size(); i++) {
            if (!java.util.Arrays.equals(extended.get(i), a.extended.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(flags, size, uid, gid, permissions, atime, mtime, extended.size());
    }
}
