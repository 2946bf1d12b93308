package dev.skiff.ssh.sftp;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/**
 * Reply of {@code statvfs@openssh.com} / {@code fstatvfs@openssh.com} (OpenSSH PROTOCOL section
 * 4.4): eleven uint64 fields as in POSIX {@code struct statvfs}. {@code flag} bit 1 is
 * {@code ST_RDONLY}, bit 2 {@code ST_NOSUID}.
 */
public record StatVfs(long blockSize, long fragmentSize, long blocks, long freeBlocks, long availableBlocks,
        long files, long freeFiles, long availableFiles, long fsid, long flag, long nameMax) {
    public static final long ST_RDONLY = 1;
    public static final long ST_NOSUID = 2;

    /** Bytes available to unprivileged users. */
    public long availableBytes() {
        return availableBlocks * fragmentSize;
    }

    public long totalBytes() {
        return blocks * fragmentSize;
    }

    public static StatVfs decode(byte[] data) throws ProtocolException {
        WireReader r = new WireReader(data);
        StatVfs s = new StatVfs(r.uint64(), r.uint64(), r.uint64(), r.uint64(), r.uint64(), r.uint64(), r.uint64(),
                r.uint64(), r.uint64(), r.uint64(), r.uint64());
        r.expectEnd();
        return s;
    }

    public byte[] encode() {
        return new WireWriter(88).uint64(blockSize).uint64(fragmentSize).uint64(blocks).uint64(freeBlocks)
                .uint64(availableBlocks).uint64(files).uint64(freeFiles).uint64(availableFiles).uint64(fsid)
                .uint64(flag).uint64(nameMax).toByteArray();
    }
}
