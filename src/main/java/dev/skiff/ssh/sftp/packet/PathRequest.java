package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;
import java.util.Set;

/**
 * The requests whose only field after the id is one path (sections 6.5, 6.6, 6.7, 6.8, 6.10):
 * LSTAT, STAT, OPENDIR, REMOVE, RMDIR, REALPATH, READLINK. {@code uint32 id, string path}.
 */
public record PathRequest(int type, int id, String path) implements SftpPacket.WithId {
    public static final Set<Integer> TYPES = Set.of(SftpMessages.LSTAT, SftpMessages.STAT, SftpMessages.OPENDIR,
            SftpMessages.REMOVE, SftpMessages.RMDIR, SftpMessages.REALPATH, SftpMessages.READLINK);

    public PathRequest {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not a path request: " + SftpMessages.name(type));
        }
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).utf8(path);
    }
}
