package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;

import dev.skiff.ssh.wire.WireWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/**
 * File-handle requests: OPEN, CLOSE, READ, WRITE, FSTAT, FSETSTAT (filexfer-02 sections 6.3–6.9).
 * Called on the session thread; each method returns the reply body or throws an exception that
 * {@link SftpStatusMapping} turns into a STATUS.
 */
final class FileOps {
    private final SftpSession s;

    FileOps(SftpSession s) {
        this.s = s;
    }

    /**
     * OPEN. pflags map to open options as OpenSSH maps them to open(2) flags; APPEND is kept on
     * the handle (Java forbids READ with APPEND) and makes every WRITE go to the current end.
     * The last path component is opened with O_NOFOLLOW (it was already resolved in the root).
     * With CREAT, the PERMISSIONS attribute (low 9 bits, minus the umask) is the new file's mode.
     */
    WireWriter open(SftpRequest.Open r) throws IOException {
        int f = r.pflags();
        boolean write = (f & (FXF_WRITE | FXF_APPEND)) != 0;
        if (write || (f & (FXF_CREAT | FXF_TRUNC)) != 0) {
            s.requireWritable();
        }
        boolean read = (f & FXF_READ) != 0 || !write;
        Set<OpenOption> opts = new HashSet<>();
        opts.add(LinkOption.NOFOLLOW_LINKS);
        if (read) {
            opts.add(StandardOpenOption.READ);
        }
        if (write) {
            opts.add(StandardOpenOption.WRITE);
            if ((f & FXF_CREAT) != 0) {
                opts.add((f & FXF_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            }
            if ((f & FXF_TRUNC) != 0) {
                opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
        }
        SftpRoot.Resolved p = s.root.resolve(r.path(), true);
        int mode = r.attrs().has(ATTR_PERMISSIONS) ? (int) (r.attrs().permissions() & 0777) : 0666;
        FileAttribute<?> perms = PosixFilePermissions.asFileAttribute(AttrApplier.permissions(mode));
        FileChannel ch;
        try {
            ch = FileChannel.open(p.real(), opts, perms);
        } catch (UnsupportedOperationException e) {
            ch = FileChannel.open(p.real(), opts);
        }
        byte[] h = s.handles.add(new HandleTable.FileHandle(p, ch, read, write, (f & FXF_APPEND) != 0));
        return SftpReplies.handle(r.id(), h);
    }

    WireWriter close(SftpRequest.HandleOp r) throws IOException {
        HandleTable.Entry e = s.handles.remove(r.handle());
        if (e == null) {
            throw new SftpSession.InvalidHandleException();
        }
        e.close();
        return SftpReplies.ok(r.id());
    }

    /** READ: at most {@link SftpProtocol#MAX_READ_LENGTH} bytes; EOF status at or past the end. */
    WireWriter read(SftpRequest.Read r) throws IOException {
        HandleTable.FileHandle h = s.file(r.handle());
        if (!h.readable()) {
            throw new java.nio.file.AccessDeniedException(null, null, "handle not open for reading");
        }
        int len = (int) Math.min(r.length(), MAX_READ_LENGTH);
        if (r.offset() < 0) {
            return SftpReplies.status(r.id(), FX_EOF, statusText(FX_EOF));
        }
        byte[] buf = new byte[len];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        while (bb.hasRemaining()) {
            int n = h.channel().read(bb, r.offset() + bb.position());
            if (n < 0) {
                break;
            }
        }
        if (bb.position() == 0 && len > 0) {
            return SftpReplies.status(r.id(), FX_EOF, statusText(FX_EOF));
        }
        return SftpReplies.data(r.id(), buf, bb.position());
    }

    WireWriter write(SftpRequest.Write r) throws IOException {
        HandleTable.FileHandle h = s.file(r.handle());
        if (!h.writable()) {
            throw new java.nio.file.AccessDeniedException(null, null, "handle not open for writing");
        }
        if (r.offset() < 0) {
            throw new IOException("offset out of range");
        }
        ByteBuffer bb = ByteBuffer.wrap(r.data());
        long pos = h.append() ? h.channel().size() : r.offset();
        while (bb.hasRemaining()) {
            pos += h.channel().write(bb, pos);
        }
        return SftpReplies.ok(r.id());
    }

    WireWriter fstat(SftpRequest.HandleOp r) throws IOException {
        HandleTable.Entry e = s.handles.get(r.handle());
        if (e == null) {
            throw new SftpSession.InvalidHandleException();
        }
        return SftpReplies.attrs(r.id(), s.stat(e.path().real()).attrs());
    }

    WireWriter fsetstat(SftpRequest.HandleAttrs r) throws IOException {
        HandleTable.Entry e = s.handles.get(r.handle());
        if (e == null) {
            throw new SftpSession.InvalidHandleException();
        }
        s.requireWritable();
        FileChannel ch = e instanceof HandleTable.FileHandle && ((HandleTable.FileHandle) e).writable()
                ? ((HandleTable.FileHandle) e).channel() : null;
        if (ch == null && r.attrs().has(ATTR_SIZE) && !Files.isRegularFile(e.path().real(), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("size can only be set on a regular file");
        }
        AttrApplier.apply(e.path().real(), ch, r.attrs(), false);
        return SftpReplies.ok(r.id());
    }
}
