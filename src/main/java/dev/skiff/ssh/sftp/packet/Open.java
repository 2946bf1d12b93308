package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.wire.WireWriter;

/**
 * SSH_FXP_OPEN (section 6.3): {@code uint32 id, string filename, uint32 pflags, ATTRS attrs};
 * pflags are the {@code SftpMessages.FXF_*} bits.
 */
public record Open(int id, String path, int pflags, SftpAttributes attrs) implements SftpPacket.WithId {
    @Override
    public int type() {
        return SftpMessages.OPEN;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).utf8(path).uint32(pflags & 0xffffffffL);
        attrs.encode(w);
    }
}
