package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;

/**
 * SSH_FXP_WRITE (section 6.4): {@code uint32 id, string handle, uint64 offset, string data}.
 * {@link #frame} builds the framed packet straight from a caller's buffer for the transfer path.
 */
public record Write(int id, byte[] handle, long offset, byte[] data) implements SftpPacket.WithId {
    @Override
    public int type() {
        return SftpMessages.WRITE;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).string(handle).uint64(offset).string(data);
    }

    /** Bytes before the data in a framed WRITE for a handle of {@code handleLength} bytes. */
    public static int headerLength(int handleLength) {
        return 4 + 1 + 4 + 4 + handleLength + 8 + 4;
    }

    /**
     * Writes the frame header ({@code uint32 length, byte type, id, handle, offset, data length})
     * into {@code frame}, whose bytes from {@link #headerLength} on already hold {@code len} data bytes.
     */
    public static void frameHeader(byte[] frame, int id, byte[] handle, long offset, int len) {
        WireWriter w = new WireWriter(headerLength(handle.length));
        w.uint32(headerLength(handle.length) - 4L + len).byteValue(SftpMessages.WRITE).uint32(id & 0xffffffffL)
                .string(handle).uint64(offset).uint32(len);
        System.arraycopy(w.array(), 0, frame, 0, w.length());
    }
}
