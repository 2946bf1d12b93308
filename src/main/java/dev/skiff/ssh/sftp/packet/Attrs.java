package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_FXP_ATTRS (section 7): {@code uint32 id, ATTRS attrs}. */
public record Attrs(int id, SftpAttributes attrs) implements SftpPacket.WithId {
    @Override
    public int type() {
        return SftpMessages.ATTRS;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL);
        attrs.encode(w);
    }
}
