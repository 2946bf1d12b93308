package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;
import java.nio.ByteBuffer;

/**
 * SSH_FXP_DATA (section 7): {@code uint32 id, string data}. The data is a read-only view into
 * the received packet, so a download copies each byte once, from the packet to its destination.
 */
public record Data(int id, ByteBuffer data) implements SftpPacket.WithId {
    public Data {
        data = data.asReadOnlyBuffer();
    }

    public static Data of(int id, byte[] bytes) {
        return new Data(id, ByteBuffer.wrap(bytes));
    }

    public int length() {
        return data.remaining();
    }

    @Override
    public int type() {
        return SftpMessages.DATA;
    }

    @Override
    public void encodeFields(WireWriter w) {
        ByteBuffer d = data.duplicate();
        byte[] b = new byte[d.remaining()];
        d.get(b);
        w.uint32(id & 0xffffffffL).string(b);
    }
}
