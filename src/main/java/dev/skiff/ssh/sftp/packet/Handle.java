package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;

/** SSH_FXP_HANDLE (section 7): {@code uint32 id, string handle}; handles are at most 256 bytes. */
public record Handle(int id, byte[] handle) implements SftpPacket.WithId {
    public static final int MAX_HANDLE = 256;

    @Override
    public int type() {
        return SftpMessages.HANDLE;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).string(handle);
    }
}
