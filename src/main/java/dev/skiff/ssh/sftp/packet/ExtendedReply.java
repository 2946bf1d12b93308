package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;

/** SSH_FXP_EXTENDED_REPLY (section 8): {@code uint32 id, reply data...} (request-specific). */
public record ExtendedReply(int id, byte[] data) implements SftpPacket.WithId {
    @Override
    public int type() {
        return SftpMessages.EXTENDED_REPLY;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).raw(data);
    }
}
