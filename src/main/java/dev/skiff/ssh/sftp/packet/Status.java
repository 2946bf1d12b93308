package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;

/**
 * SSH_FXP_STATUS (section 7): {@code uint32 id, uint32 error code, string message, string
 * language tag}. Very old servers omit the two strings; they decode as empty.
 */
public record Status(int id, long code, String message, String language) implements SftpPacket.WithId {
    @Override
    public int type() {
        return SftpMessages.STATUS;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).uint32(code).utf8(message).utf8(language);
    }
}
