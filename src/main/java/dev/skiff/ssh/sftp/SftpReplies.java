package dev.skiff.ssh.sftp;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.sftp.packet.Attrs;
import dev.skiff.ssh.sftp.packet.Data;
import dev.skiff.ssh.sftp.packet.ExtendedReply;
import dev.skiff.ssh.sftp.packet.Handle;
import dev.skiff.ssh.sftp.packet.Name;
import dev.skiff.ssh.sftp.packet.SftpMessages;
import dev.skiff.ssh.sftp.packet.SftpPacket;
import dev.skiff.ssh.sftp.packet.Status;

/**
 * Which reply types each request may get (draft-ietf-secsh-filexfer-02 section 7), and the
 * conversions of a reply into a result or an {@link SftpException} naming the path.
 */
final class SftpReplies {
    private SftpReplies() {
    }

    static boolean allowed(int request, int reply) {
        if (reply == SftpMessages.STATUS) {
            return true;
        }
        return switch (request) {
            case SftpMessages.OPEN, SftpMessages.OPENDIR -> reply == SftpMessages.HANDLE;
            case SftpMessages.READ -> reply == SftpMessages.DATA;
            case SftpMessages.READDIR, SftpMessages.REALPATH, SftpMessages.READLINK -> reply == SftpMessages.NAME;
            case SftpMessages.STAT, SftpMessages.LSTAT, SftpMessages.FSTAT -> reply == SftpMessages.ATTRS;
            case SftpMessages.EXTENDED -> reply >= SftpMessages.HANDLE; // extension-specific; checked by the caller
            default -> false;
        };
    }

    static SftpException error(Status s, String path) {
        return new SftpException(s.code(), s.message(), path);
    }

    /** OK status, else the error. */
    static void ok(SftpPacket reply, String path) throws SftpException, ProtocolException {
        if (reply instanceof Status s) {
            if (s.code() == SftpStatus.OK.code()) {
                return;
            }
            throw error(s, path);
        }
        throw unexpected(reply, "STATUS");
    }

    static <T extends SftpPacket> T expect(SftpPacket reply, Class<T> type, String path)
            throws SftpException, ProtocolException {
        if (type.isInstance(reply)) {
            return type.cast(reply);
        }
        if (reply instanceof Status s) {
            throw error(s, path);
        }
        throw unexpected(reply, type.getSimpleName());
    }

    static byte[] handle(SftpPacket reply, String path) throws SftpException, ProtocolException {
        return expect(reply, Handle.class, path).handle();
    }

    static SftpAttributes attrs(SftpPacket reply, String path) throws SftpException, ProtocolException {
        return expect(reply, Attrs.class, path).attrs();
    }

    /** DATA, or null for an EOF status. */
    static Data dataOrEof(SftpPacket reply, String path) throws SftpException, ProtocolException {
        if (reply instanceof Status s && s.code() == SftpStatus.EOF.code()) {
            return null;
        }
        return expect(reply, Data.class, path);
    }

    /** NAME, or null for an EOF status. */
    static Name nameOrEof(SftpPacket reply, String path) throws SftpException, ProtocolException {
        if (reply instanceof Status s && s.code() == SftpStatus.EOF.code()) {
            return null;
        }
        return expect(reply, Name.class, path);
    }

    static Name.Entry single(SftpPacket reply, String path) throws SftpException, ProtocolException {
        Name n = expect(reply, Name.class, path);
        if (n.entries().size() != 1) {
            throw new ProtocolException("SFTP: expected one name, got " + n.entries().size());
        }
        return n.entries().get(0);
    }

    static byte[] extended(SftpPacket reply, String path) throws SftpException, ProtocolException {
        return expect(reply, ExtendedReply.class, path).data();
    }

    private static ProtocolException unexpected(SftpPacket reply, String wanted) {
        return new ProtocolException("SFTP: expected " + wanted + ", got " + SftpMessages.name(reply.type()));
    }
}
