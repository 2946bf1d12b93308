package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;

/**
 * SSH_FXP_EXTENDED (section 8): {@code uint32 id, string extended-request, request data...}.
 * {@code data} is the request-specific rest of the packet (see {@code SftpExtensions}).
 */
public record Extended(int id, String request, byte[] data) implements SftpPacket.WithId {
    @Override
    public int type() {
        return SftpMessages.EXTENDED;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).utf8(request).raw(data);
    }
}
