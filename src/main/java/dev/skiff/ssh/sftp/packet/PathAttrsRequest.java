package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.wire.WireWriter;
import java.util.Set;

/** SETSTAT and MKDIR (sections 6.6, 6.9): {@code uint32 id, string path, ATTRS attrs}. */
public record PathAttrsRequest(int type, int id, String path, SftpAttributes attrs) implements SftpPacket.WithId {
    public static final Set<Integer> TYPES = Set.of(SftpMessages.SETSTAT, SftpMessages.MKDIR);

    public PathAttrsRequest {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not a path+attrs request: " + SftpMessages.name(type));
        }
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).utf8(path);
        attrs.encode(w);
    }
}
