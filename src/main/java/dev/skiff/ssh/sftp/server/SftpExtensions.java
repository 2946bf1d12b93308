package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The EXTENDED requests this server implements (OpenSSH {@code PROTOCOL} section 4 and
 * draft-ietf-secsh-filexfer-extensions), each decoded from the request's payload with a
 * {@link WireReader} that must end exactly. Unknown names are OP_UNSUPPORTED.
 */
final class SftpExtensions {
    /** Name/version pairs advertised in VERSION, in OpenSSH's order. */
    static final List<String[]> ADVERTISED = List.of(
            new String[] {EXT_POSIX_RENAME, "1"}, new String[] {EXT_STATVFS, "2"},
            new String[] {EXT_FSTATVFS, "2"}, new String[] {EXT_HARDLINK, "1"},
            new String[] {EXT_FSYNC, "1"}, new String[] {EXT_LSETSTAT, "1"},
            new String[] {EXT_LIMITS, "1"}, new String[] {EXT_EXPAND_PATH, "1"},
            new String[] {EXT_COPY_DATA, "1"}, new String[] {EXT_HOME_DIRECTORY, "1"},
            new String[] {EXT_USERS_GROUPS, "1"});

    private final SftpSession s;
    private final PathOps paths;

    SftpExtensions(SftpSession s, PathOps paths) {
        this.s = s;
        this.paths = paths;
    }

    WireWriter handle(SftpRequest.Extended x) throws IOException {
        WireReader r = new WireReader(x.payload());
        long id = x.id();
        switch (x.name()) {
            case EXT_POSIX_RENAME: {
                String from = r.utf8();
                String to = r.utf8();
                r.expectEnd();
                Files.move(s.resolveForChange(from).real(), s.resolveForChange(to).real(), StandardCopyOption.ATOMIC_MOVE);
                return SftpReplies.ok(id);
            }
            case EXT_STATVFS: {
                String path = r.utf8();
                r.expectEnd();
                return StatVfs.reply(id, s.root.resolve(path, true).real(), s.readOnly);
            }
            case EXT_FSTATVFS: {
                byte[] h = r.string();
                r.expectEnd();
                HandleTable.Entry e = s.handles.get(h);
                if (e == null) {
                    throw new SftpSession.InvalidHandleException();
                }
                return StatVfs.reply(id, e.path().real(), s.readOnly);
            }
            case EXT_HARDLINK: {
                String existing = r.utf8();
                String link = r.utf8();
                r.expectEnd();
                Path target = s.resolveForChange(existing).real();
                Files.createLink(s.resolveForChange(link).real(), target);
                return SftpReplies.ok(id);
            }
            case EXT_FSYNC: {
                byte[] h = r.string();
                r.expectEnd();
                s.file(h).channel().force(true);
                return SftpReplies.ok(id);
            }
            case EXT_LSETSTAT: {
                String path = r.utf8();
                SftpAttrs a = SftpAttrs.decode(r);
                r.expectEnd();
                return paths.setstat(new SftpRequest.PathAttrs(FXP_SETSTAT, id, path, a), false);
            }
            case EXT_LIMITS:
                r.expectEnd();
                return SftpReplies.extendedReply(id).uint64(MAX_PACKET_LENGTH).uint64(MAX_READ_LENGTH)
                        .uint64(MAX_READ_LENGTH).uint64(s.maxHandles);
            case EXT_EXPAND_PATH: {
                String path = r.utf8();
                r.expectEnd();
                return paths.realpath(id, expandTilde(path, s.root.home()));
            }
            case EXT_HOME_DIRECTORY: {
                r.utf8();
                r.expectEnd();
                return paths.realpath(id, s.root.home());
            }
            case EXT_COPY_DATA:
                return copyData(id, r);
            case EXT_USERS_GROUPS:
                return usersGroups(id, r);
            default:
                return SftpReplies.status(id, FX_OP_UNSUPPORTED, statusText(FX_OP_UNSUPPORTED));
        }
    }

    /** "~" and "~/x" name the home, the same for every user; "~user" is refused. */
    private static String expandTilde(String path, String home) throws IOException {
        if (path.equals("~") || path.startsWith("~/")) {
            return (home.endsWith("/") ? home : home + "/") + path.substring(Math.min(2, path.length()));
        }
        if (path.startsWith("~")) {
            throw new IOException("No such user");
        }
        return path;
    }

    /** copy-data: {@code string read-handle, uint64 offset, uint64 length (0 = to EOF), string write-handle, uint64 offset}. */
    private WireWriter copyData(long id, WireReader r) throws IOException {
        byte[] rh = r.string();
        long rOff = r.uint64();
        long len = r.uint64();
        byte[] wh = r.string();
        long wOff = r.uint64();
        r.expectEnd();
        HandleTable.FileHandle in = s.file(rh);
        HandleTable.FileHandle out = s.file(wh);
        if (!in.readable() || !out.writable()) {
            throw new java.nio.file.AccessDeniedException(null, null, "handle not open for this direction");
        }
        if (rOff < 0 || wOff < 0 || len < 0) {
            throw new IOException("offset out of range");
        }
        if (in == out && len != 0 && rOff < wOff + len && wOff < rOff + len || in == out && len == 0) {
            throw new IOException("overlapping copy within one file");
        }
        FileChannel src = in.channel();
        FileChannel dst = out.channel();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long left = len == 0 ? Long.MAX_VALUE : len;
        long pos = out.append() ? dst.size() : wOff;
        while (left > 0) {
            buf.clear().limit((int) Math.min(buf.capacity(), left));
            int n = src.read(buf, rOff);
            if (n <= 0) {
                break;
            }
            buf.flip();
            while (buf.hasRemaining()) {
                pos += dst.write(buf, pos);
            }
            rOff += n;
            left -= n;
        }
        return SftpReplies.ok(id);
    }

    /** users-groups-by-id: two strings of packed uint32 ids; reply two strings of packed names. */
    private WireWriter usersGroups(long id, WireReader r) throws IOException {
        byte[] uids = r.string();
        byte[] gids = r.string();
        r.expectEnd();
        if (uids.length % 4 != 0 || gids.length % 4 != 0) {
            throw new ProtocolException("id list length not a multiple of 4");
        }
        WireWriter users = new WireWriter();
        WireReader ur = new WireReader(uids);
        while (ur.remaining() > 0) {
            users.utf8(s.names.user(ur.uint32()));
        }
        WireWriter groups = new WireWriter();
        WireReader gr = new WireReader(gids);
        while (gr.remaining() > 0) {
            groups.utf8(s.names.group(gr.uint32()));
        }
        return SftpReplies.extendedReply(id).string(users.toByteArray()).string(groups.toByteArray());
    }
}
