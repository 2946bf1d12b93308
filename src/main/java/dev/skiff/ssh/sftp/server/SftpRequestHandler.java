package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;

import dev.skiff.ssh.wire.WireWriter;
import java.io.Closeable;

/**
 * Dispatches decoded requests to their handlers and turns every failure into a STATUS reply, so
 * that nothing a client sends makes an exception leave the session (unchecked ones included: the
 * file system may throw {@code InvalidPathException}, {@code UncheckedIOException} and the like).
 * Called on the session thread only.
 */
final class SftpRequestHandler implements Closeable {
    private final SftpSession session;
    private final FileOps files;
    private final PathOps paths;
    private final SftpExtensions extensions;

    SftpRequestHandler(SftpSession session) {
        this.session = session;
        this.files = new FileOps(session);
        this.paths = new PathOps(session);
        this.extensions = new SftpExtensions(session, paths);
    }

    /** The reply body for {@code req}; never throws. */
    WireWriter handle(SftpRequest req) {
        try {
            return dispatch(req);
        } catch (Exception e) {
            return SftpReplies.status(req.id(), SftpStatusMapping.of(e));
        }
    }

    private WireWriter dispatch(SftpRequest req) throws Exception {
        if (req instanceof SftpRequest.Open) {
            return files.open((SftpRequest.Open) req);
        } else if (req instanceof SftpRequest.Read) {
            return files.read((SftpRequest.Read) req);
        } else if (req instanceof SftpRequest.Write) {
            return files.write((SftpRequest.Write) req);
        } else if (req instanceof SftpRequest.HandleOp) {
            SftpRequest.HandleOp h = (SftpRequest.HandleOp) req;
            switch (h.type()) {
                case FXP_CLOSE: return files.close(h);
                case FXP_FSTAT: return files.fstat(h);
                default: return paths.readdir(h);
            }
        } else if (req instanceof SftpRequest.HandleAttrs) {
            return files.fsetstat((SftpRequest.HandleAttrs) req);
        } else if (req instanceof SftpRequest.PathOp) {
            SftpRequest.PathOp p = (SftpRequest.PathOp) req;
            switch (p.type()) {
                case FXP_STAT: case FXP_LSTAT: return paths.stat(p);
                case FXP_OPENDIR: return paths.opendir(p);
                case FXP_REMOVE: return paths.remove(p);
                case FXP_RMDIR: return paths.rmdir(p);
                case FXP_REALPATH: return paths.realpath(p.id(), p.path());
                default: return paths.readlink(p);
            }
        } else if (req instanceof SftpRequest.PathAttrs) {
            SftpRequest.PathAttrs p = (SftpRequest.PathAttrs) req;
            return p.type() == FXP_MKDIR ? paths.mkdir(p) : paths.setstat(p, true);
        } else if (req instanceof SftpRequest.TwoPaths) {
            SftpRequest.TwoPaths t = (SftpRequest.TwoPaths) req;
            return t.type() == FXP_RENAME ? paths.rename(t) : paths.symlink(t);
        } else if (req instanceof SftpRequest.Extended) {
            return extensions.handle((SftpRequest.Extended) req);
        }
        return SftpReplies.status(req.id(), FX_OP_UNSUPPORTED, statusText(FX_OP_UNSUPPORTED));
    }

    /** Closes every handle of the session. */
    @Override
    public void close() {
        session.close();
    }
}
