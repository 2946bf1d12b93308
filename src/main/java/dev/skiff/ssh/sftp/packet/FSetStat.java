package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_FXP_FSETSTAT (section 6.9): {@code uint32 id, string handle, ATTRS attrs}. */
public record FSetStat(int id, byte[] handle, SftpAttributes attrs) implements SftpPacket.WithId {
    @Override
    public int type() {
        return SftpMessages.FSETSTAT;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).string(handle);
        attrs.encode(w);
    }
}
