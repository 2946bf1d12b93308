package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/**
 * One client request of SFTP v3 (filexfer-02 section 6), decoded once from a packet body
 * ({@code byte type, uint32 request-id, ...}). Paths are UTF-8 strings; handles are opaque bytes.
 * Every record writes itself back with {@link #encode} (type byte included, length prefix not).
 */
public sealed interface SftpRequest {

    /** The request id the answer must echo. */
    long id();

    void encode(WireWriter w);

    /** OPEN: {@code string filename, uint32 pflags, ATTRS} (section 6.3). */
    record Open(long id, String path, int pflags, SftpAttrs attrs) implements SftpRequest {
        public void encode(WireWriter w) {
            w.byteValue(FXP_OPEN).uint32(id).utf8(path).uint32(pflags & 0xffffffffL);
            attrs.encode(w);
        }
    }

    /** CLOSE, FSTAT, READDIR: {@code string handle}. */
    record HandleOp(int type, long id, byte[] handle) implements SftpRequest {
        public void encode(WireWriter w) {
            w.byteValue(type).uint32(id).string(handle);
        }
    }

    /** READ: {@code string handle, uint64 offset, uint32 len} (section 6.4). */
    record Read(long id, byte[] handle, long offset, long length) implements SftpRequest {
        public void encode(WireWriter w) {
            w.byteValue(FXP_READ).uint32(id).string(handle).uint64(offset).uint32(length);
        }
    }

    /** WRITE: {@code string handle, uint64 offset, string data} (section 6.4). */
    record Write(long id, byte[] handle, long offset, byte[] data) implements SftpRequest {
        public void encode(WireWriter w) {
            w.byteValue(FXP_WRITE).uint32(id).string(handle).uint64(offset).string(data);
        }
    }

    /** LSTAT, STAT, OPENDIR, REMOVE, RMDIR, REALPATH, READLINK: {@code string path}. */
    record PathOp(int type, long id, String path) implements SftpRequest {
        public void encode(WireWriter w) {
            w.byteValue(type).uint32(id).utf8(path);
        }
    }

    /** SETSTAT, MKDIR: {@code string path, ATTRS} (sections 6.5, 6.6, 6.9). */
    record PathAttrs(int type, long id, String path, SftpAttrs attrs) implements SftpRequest {
        public void encode(WireWriter w) {
            w.byteValue(type).uint32(id).utf8(path);
            attrs.encode(w);
        }
    }

    /** FSETSTAT: {@code string handle, ATTRS} (section 6.9). */
    record HandleAttrs(long id, byte[] handle, SftpAttrs attrs) implements SftpRequest {
        public void encode(WireWriter w) {
            w.byteValue(FXP_FSETSTAT).uint32(id).string(handle);
            attrs.encode(w);
        }
    }

    /**
     * RENAME ({@code oldpath, newpath}) and SYMLINK. For SYMLINK, {@code first} is the link
     * <em>target</em> and {@code second} the link to create: OpenSSH's order, the reverse of
     * filexfer-02 section 6.10, which OpenSSH's client sends and its server expects.
     */
    record TwoPaths(int type, long id, String first, String second) implements SftpRequest {
        public void encode(WireWriter w) {
            w.byteValue(type).uint32(id).utf8(first).utf8(second);
        }
    }

    /** EXTENDED: {@code string extended-request, ...} (section 8); payload decoded by {@link SftpExtensions}. */
    record Extended(long id, String name, byte[] payload) implements SftpRequest {
        public void encode(WireWriter w) {
            w.byteValue(FXP_EXTENDED).uint32(id).utf8(name).raw(payload);
        }
    }

    /** A type this server does not know; answered with OP_UNSUPPORTED. */
    record Unknown(int type, long id) implements SftpRequest {
        public void encode(WireWriter w) {
            w.byteValue(type).uint32(id);
        }
    }

    /**
     * Decodes a packet body (after the length field). The type and the request id have already
     * been read by the caller, so that a malformed rest can still be answered with BAD_MESSAGE.
     */
    static SftpRequest decode(int type, long id, WireReader r) throws ProtocolException {
        SftpRequest req;
        switch (type) {
            case FXP_OPEN: req = new Open(id, r.utf8(), (int) r.uint32(), SftpAttrs.decode(r)); break;
            case FXP_CLOSE: case FXP_FSTAT: case FXP_READDIR: req = new HandleOp(type, id, r.string()); break;
            case FXP_READ: req = new Read(id, r.string(), r.uint64(), r.uint32()); break;
            case FXP_WRITE: req = new Write(id, r.string(), r.uint64(), r.string()); break;
            case FXP_LSTAT: case FXP_STAT: case FXP_OPENDIR: case FXP_REMOVE: case FXP_RMDIR:
            case FXP_REALPATH: case FXP_READLINK:
                req = new PathOp(type, id, r.utf8());
                break;
            case FXP_SETSTAT: case FXP_MKDIR: req = new PathAttrs(type, id, r.utf8(), SftpAttrs.decode(r)); break;
            case FXP_FSETSTAT: req = new HandleAttrs(id, r.string(), SftpAttrs.decode(r)); break;
            case FXP_RENAME: case FXP_SYMLINK: req = new TwoPaths(type, id, r.utf8(), r.utf8()); break;
            case FXP_EXTENDED: req = new Extended(id, r.ascii(), r.rest()); break;
            default: return new Unknown(type, id);
        }
        r.expectEnd();
        return req;
    }
}
