package dev.skiff.ssh.sftp.server;

import dev.skiff.ssh.wire.WireWriter;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** statvfs / fstatvfs replies from {@link FileStore}. */
final class StatVfs {
    private StatVfs() {
    }

    /**
     * Eleven uint64: bsize, frsize, blocks, bfree, bavail, files, ffree, favail, fsid, flag,
     * namemax. Approximations: Java has no inode counts (files/ffree/favail are 0), no fsid
     * (0) and no nosuid flag; namemax is 255; ST_RDONLY is set for read-only stores and in
     * read-only mode.
     */
    static WireWriter reply(long id, Path real, boolean readOnly) throws IOException {
        FileStore fs = Files.getFileStore(real);
        long bsize;
        try {
            bsize = Math.max(512, fs.getBlockSize());
        } catch (UnsupportedOperationException e) {
            bsize = 4096;
        }
        long flag = fs.isReadOnly() || readOnly ? 1 : 0;
        return SftpReplies.extendedReply(id).uint64(bsize).uint64(bsize).uint64(fs.getTotalSpace() / bsize)
                .uint64(fs.getUnallocatedSpace() / bsize).uint64(fs.getUsableSpace() / bsize)
                .uint64(0).uint64(0).uint64(0).uint64(0).uint64(flag).uint64(255);
    }
}
