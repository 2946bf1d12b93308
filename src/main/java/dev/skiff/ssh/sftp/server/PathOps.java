package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;

import dev.skiff.ssh.wire.WireWriter;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Path and directory requests: STAT, LSTAT, SETSTAT, OPENDIR, READDIR, REMOVE, MKDIR, RMDIR,
 * REALPATH, RENAME, READLINK, SYMLINK (filexfer-02 sections 6.5–6.10). Every path goes through
 * {@link SftpRoot}; the host path it yields has no symbolic link, so it is then used with
 * NOFOLLOW_LINKS. Called on the session thread.
 */
final class PathOps {
    private static final int NAME_BYTES_BUDGET = MAX_PACKET_LENGTH - 16 * 1024;
    private final SftpSession s;

    PathOps(SftpSession s) {
        this.s = s;
    }

    WireWriter stat(SftpRequest.PathOp r) throws IOException {
        SftpRoot.Resolved p = s.root.resolve(r.path(), r.type() == FXP_STAT);
        return SftpReplies.attrs(r.id(), s.stat(p.real()).attrs());
    }

    WireWriter setstat(SftpRequest.PathAttrs r, boolean follow) throws IOException {
        s.requireWritable();
        SftpRoot.Resolved p = s.root.resolve(r.path(), follow);
        AttrApplier.apply(p.real(), null, r.attrs(), false);
        return SftpReplies.ok(r.id());
    }

    WireWriter opendir(SftpRequest.PathOp r) throws IOException {
        SftpRoot.Resolved p = s.root.resolve(r.path(), true);
        if (!Files.isDirectory(p.real(), LinkOption.NOFOLLOW_LINKS)) {
            throw Files.exists(p.real(), LinkOption.NOFOLLOW_LINKS) ? new NotDirectoryException(r.path())
                    : new java.nio.file.NoSuchFileException(r.path());
        }
        return SftpReplies.handle(r.id(), s.handles.add(new HandleTable.DirHandle(p, Files.newDirectoryStream(p.real()))));
    }

    /**
     * READDIR: up to {@link SftpProtocol#READDIR_BATCH} entries per reply, "." and ".." first
     * (".." of the root describes the root), attributes of links themselves (lstat), EOF when done.
     */
    WireWriter readdir(SftpRequest.HandleOp r) throws IOException {
        HandleTable.DirHandle d = s.dir(r.handle());
        long now = System.currentTimeMillis() / 1000;
        List<SftpReplies.NameEntry> out = new ArrayList<>();
        int bytes = 0;
        if (!d.dotsSent) {
            d.dotsSent = true;
            out.add(entry(".", d.path().real(), now));
            out.add(entry("..", s.root.resolve(d.path().virtual() + "/..", true).real(), now));
        }
        try {
            while (out.size() < READDIR_BATCH && bytes < NAME_BYTES_BUDGET && d.entries.hasNext()) {
                Path child = d.entries.next();
                try {
                    SftpReplies.NameEntry e = entry(child.getFileName().toString(), child, now);
                    bytes += e.filename().length() + e.longname().length() + 64;
                    out.add(e);
                } catch (IOException vanished) {
                    // removed while listing; skip it
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        if (out.isEmpty()) {
            return SftpReplies.status(r.id(), FX_EOF, statusText(FX_EOF));
        }
        return SftpReplies.name(r.id(), out);
    }

    private SftpReplies.NameEntry entry(String name, Path real, long now) throws IOException {
        FileStat st = s.stat(real);
        return new SftpReplies.NameEntry(name, LongName.of(name, st, now), st.attrs());
    }

    WireWriter remove(SftpRequest.PathOp r) throws IOException {
        SftpRoot.Resolved p = s.resolveForChange(r.path());
        if (Files.isDirectory(p.real(), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("Is a directory");
        }
        Files.delete(p.real());
        return SftpReplies.ok(r.id());
    }

    WireWriter mkdir(SftpRequest.PathAttrs r) throws IOException {
        SftpRoot.Resolved p = s.resolveForChange(r.path());
        int mode = r.attrs().has(ATTR_PERMISSIONS) ? (int) (r.attrs().permissions() & 0777) : 0777;
        try {
            Files.createDirectory(p.real(), PosixFilePermissions.asFileAttribute(AttrApplier.permissions(mode)));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(p.real());
        }
        return SftpReplies.ok(r.id());
    }

    WireWriter rmdir(SftpRequest.PathOp r) throws IOException {
        SftpRoot.Resolved p = s.resolveForChange(r.path());
        if (!Files.isDirectory(p.real(), LinkOption.NOFOLLOW_LINKS)) {
            throw Files.exists(p.real(), LinkOption.NOFOLLOW_LINKS) ? new NotDirectoryException(r.path())
                    : new java.nio.file.NoSuchFileException(r.path());
        }
        Files.delete(p.real());
        return SftpReplies.ok(r.id());
    }

    /** REALPATH: the canonical virtual path; the last component need not exist. */
    WireWriter realpath(long id, String path) throws IOException {
        String v = s.root.resolve(path, true).virtual();
        return SftpReplies.name(id, List.of(new SftpReplies.NameEntry(v, v, SftpAttrs.EMPTY)));
    }

    /** RENAME with v3 semantics: fails (FAILURE, "File exists") when the new path exists. */
    WireWriter rename(SftpRequest.TwoPaths r) throws IOException {
        SftpRoot.Resolved from = s.resolveForChange(r.first());
        SftpRoot.Resolved to = s.resolveForChange(r.second());
        if (Files.exists(to.real(), LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileAlreadyExistsException(r.second());
        }
        Files.move(from.real(), to.real());
        return SftpReplies.ok(r.id());
    }

    /** READLINK: the link's target text as stored (not resolved). */
    WireWriter readlink(SftpRequest.PathOp r) throws IOException {
        SftpRoot.Resolved p = s.root.resolve(r.path(), false);
        String target = Files.readSymbolicLink(p.real()).toString();
        return SftpReplies.name(r.id(), List.of(new SftpReplies.NameEntry(target, target, SftpAttrs.EMPTY)));
    }

    /**
     * SYMLINK in OpenSSH's argument order: first the target, then the link to create. The target
     * must be relative and stay inside the root ({@link SftpRoot#checkLinkTarget}).
     */
    WireWriter symlink(SftpRequest.TwoPaths r) throws IOException {
        SftpRoot.Resolved link = s.resolveForChange(r.second());
        s.root.checkLinkTarget(s.root.resolve(parent(link.virtual()), true), r.first());
        Files.createSymbolicLink(link.real(), Path.of(r.first()));
        return SftpReplies.ok(r.id());
    }

    static String parent(String virtual) {
        int i = virtual.lastIndexOf('/');
        return i <= 0 ? "/" : virtual.substring(0, i);
    }
}
