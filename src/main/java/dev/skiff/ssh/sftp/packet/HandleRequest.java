package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;
import java.util.Set;

/** CLOSE, FSTAT and READDIR (sections 6.3, 6.6, 6.7): {@code uint32 id, string handle}. */
public record HandleRequest(int type, int id, byte[] handle) implements SftpPacket.WithId {
    public static final Set<Integer> TYPES = Set.of(SftpMessages.CLOSE, SftpMessages.FSTAT, SftpMessages.READDIR);

    public HandleRequest {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not a handle request: " + SftpMessages.name(type));
        }
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).string(handle);
    }
}
