package dev.skiff.ssh.sftp;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/**
 * Reply of {@code limits@openssh.com} (OpenSSH PROTOCOL section 4.8): {@code uint64
 * max-packet-length, max-read-length, max-write-length, max-open-handles}; 0 means "no limit
 * stated". OpenSSH 9.2's sftp-server answers 256 KiB, 255 KiB, 255 KiB and a handle count.
 */
public record SftpLimits(long maxPacketLength, long maxReadLength, long maxWriteLength, long maxOpenHandles) {
    /** What we assume without the extension: 32 KiB requests, which every server accepts. */
    public static final SftpLimits DEFAULT = new SftpLimits(34000, 32768, 32768, 0);

    public static SftpLimits decode(byte[] data) throws ProtocolException {
        WireReader r = new WireReader(data);
        SftpLimits l = new SftpLimits(r.uint64(), r.uint64(), r.uint64(), r.uint64());
        r.expectEnd();
        return l;
    }

    public byte[] encode() {
        return new WireWriter(32).uint64(maxPacketLength).uint64(maxReadLength).uint64(maxWriteLength)
                .uint64(maxOpenHandles).toByteArray();
    }

    /** Read request size: the server's limit, capped to our packet bound; 32 KiB if unstated. */
    public int readChunk() {
        return chunk(maxReadLength);
    }

    /** Write request size (data bytes), capped so the WRITE packet fits the server's max packet. */
    public int writeChunk() {
        long c = chunk(maxWriteLength);
        if (maxPacketLength > 1024) {
            c = Math.min(c, maxPacketLength - 1024);
        }
        return (int) c;
    }

    private static int chunk(long limit) {
        if (limit <= 0) {
            return 32768;
        }
        return (int) Math.max(1024, Math.min(limit, dev.skiff.ssh.sftp.packet.SftpMessages.MAX_DATA));
    }
}
