package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.sftp.SftpStatus;
import dev.skiff.ssh.wire.WireReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SFTP framing and decoding (draft-ietf-secsh-filexfer-02 section 3): {@code uint32 length}
 * (checked against {@link SftpMessages#MAX_PACKET} before the packet is allocated), then
 * {@code byte type} and the fields, decoded once into a record that must end exactly at the end
 * of the packet. File names are decoded as UTF-8 with replacement (servers may hold any bytes).
 */
public final class SftpCodec {
    private SftpCodec() {
    }

    /**
     * Reads one packet (type byte onwards). Returns null on a clean end of stream before a
     * packet starts.
     *
     * @throws ProtocolException for a length of 0 or above the cap
     * @throws SftpException CONNECTION_LOST when the stream ends inside a packet
     */
    public static byte[] readFrame(InputStream in) throws IOException {
        byte[] len = new byte[4];
        int n = in.readNBytes(len, 0, 4);
        if (n == 0) {
            return null;
        }
        if (n < 4) {
            throw new SftpException(SftpStatus.CONNECTION_LOST, "SFTP stream ended inside a packet length");
        }
        long length = ((len[0] & 0xffL) << 24) | ((len[1] & 0xffL) << 16) | ((len[2] & 0xffL) << 8) | (len[3] & 0xffL);
        if (length < 1 || length > SftpMessages.MAX_PACKET) {
            throw new ProtocolException("SFTP packet length " + length + " outside 1.." + SftpMessages.MAX_PACKET);
        }
        byte[] packet = new byte[(int) length];
        if (in.readNBytes(packet, 0, packet.length) < packet.length) {
            throw new SftpException(SftpStatus.CONNECTION_LOST, "SFTP stream ended inside a packet",
                    new EOFException());
        }
        return packet;
    }

    /** Prefixes {@code payload} (type byte onwards) with its length. */
    public static byte[] frame(byte[] payload) {
        byte[] f = new byte[payload.length + 4];
        int n = payload.length;
        f[0] = (byte) (n >>> 24);
        f[1] = (byte) (n >>> 16);
        f[2] = (byte) (n >>> 8);
        f[3] = (byte) n;
        System.arraycopy(payload, 0, f, 4, n);
        return f;
    }

    static String path(WireReader r) throws ProtocolException {
        return new String(r.string(), StandardCharsets.UTF_8);
    }

    private static byte[] handle(WireReader r) throws ProtocolException {
        byte[] h = r.string();
        if (h.length > Handle.MAX_HANDLE) {
            throw new ProtocolException("SFTP handle of " + h.length + " bytes (max " + Handle.MAX_HANDLE + ")");
        }
        return h;
    }

    private static List<ExtensionPair> pairs(WireReader r) throws ProtocolException {
        List<ExtensionPair> l = new ArrayList<>();
        while (r.remaining() > 0) {
            l.add(new ExtensionPair(path(r), r.string()));
        }
        return l;
    }

    /** Decodes a packet (type byte onwards) of any type, request or response. */
    public static SftpPacket decode(byte[] packet) throws ProtocolException {
        WireReader r = new WireReader(packet);
        int type = r.byteValue();
        SftpPacket p = switch (type) {
            case SftpMessages.INIT -> new Init(r.uint32(), pairs(r));
            case SftpMessages.VERSION -> new Version(r.uint32(), pairs(r));
            case SftpMessages.OPEN -> new Open(id(r), path(r), (int) r.uint32(), SftpAttributes.decode(r));
            case SftpMessages.READ -> new Read(id(r), handle(r), r.uint64(), (int) r.uint32());
            case SftpMessages.WRITE -> new Write(id(r), handle(r), r.uint64(), r.string());
            case SftpMessages.CLOSE, SftpMessages.FSTAT, SftpMessages.READDIR -> new HandleRequest(type, id(r), handle(r));
            case SftpMessages.LSTAT, SftpMessages.STAT, SftpMessages.OPENDIR, SftpMessages.REMOVE, SftpMessages.RMDIR,
                    SftpMessages.REALPATH, SftpMessages.READLINK -> new PathRequest(type, id(r), path(r));
            case SftpMessages.SETSTAT, SftpMessages.MKDIR -> new PathAttrsRequest(type, id(r), path(r), SftpAttributes.decode(r));
            case SftpMessages.FSETSTAT -> new FSetStat(id(r), handle(r), SftpAttributes.decode(r));
            case SftpMessages.RENAME, SftpMessages.SYMLINK -> new TwoPathRequest(type, id(r), path(r), path(r));
            case SftpMessages.EXTENDED -> new Extended(id(r), path(r), r.rest());
            case SftpMessages.STATUS -> status(r);
            case SftpMessages.HANDLE -> new Handle(id(r), handle(r));
            case SftpMessages.DATA -> new Data(id(r), r.stringView());
            case SftpMessages.NAME -> name(r);
            case SftpMessages.ATTRS -> new Attrs(id(r), SftpAttributes.decode(r));
            case SftpMessages.EXTENDED_REPLY -> new ExtendedReply(id(r), r.rest());
            default -> throw new ProtocolException("unknown SFTP packet type " + type);
        };
        r.expectEnd();
        return p;
    }

    private static int id(WireReader r) throws ProtocolException {
        return (int) r.uint32();
    }

    private static Status status(WireReader r) throws ProtocolException {
        int id = id(r);
        long code = r.uint32();
        if (r.remaining() == 0) {
            return new Status(id, code, "", "");
        }
        return new Status(id, code, path(r), path(r));
    }

    private static Name name(WireReader r) throws ProtocolException {
        int id = id(r);
        long count = r.uint32();
        if (count > r.remaining() / 12) { // each entry takes at least 4 + 4 + 4 bytes
            throw new ProtocolException("SFTP NAME count " + count + " cannot fit in " + r.remaining() + " bytes");
        }
        List<Name.Entry> entries = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            entries.add(new Name.Entry(path(r), path(r), SftpAttributes.decode(r)));
        }
        return new Name(id, entries);
    }
}
