package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;

/**
 * One decoded SFTP packet (draft-ietf-secsh-filexfer-02 section 3): {@code uint32 length, byte
 * type, fields}. Records implementing it are immutable and decoded once by {@link SftpCodec}.
 */
public interface SftpPacket {
    int type();

    /** Writes the fields that follow the type byte. */
    void encodeFields(WireWriter w);

    /** The packet without its length prefix: type byte then fields. */
    default byte[] encode() {
        WireWriter w = new WireWriter(64);
        w.byteValue(type());
        encodeFields(w);
        return w.toByteArray();
    }

    /** A packet carrying a request id (all but INIT and VERSION). */
    interface WithId extends SftpPacket {
        int id();
    }
}
