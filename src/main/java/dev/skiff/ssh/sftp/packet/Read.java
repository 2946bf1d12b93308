package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;

/** SSH_FXP_READ (section 6.4): {@code uint32 id, string handle, uint64 offset, uint32 len}. */
public record Read(int id, byte[] handle, long offset, int length) implements SftpPacket.WithId {
    @Override
    public int type() {
        return SftpMessages.READ;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).string(handle).uint64(offset).uint32(length & 0xffffffffL);
    }
}
