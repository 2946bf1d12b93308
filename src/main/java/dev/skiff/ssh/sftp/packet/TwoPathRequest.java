package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;
import java.util.Set;

/**
 * RENAME and SYMLINK (sections 6.5, 6.10): {@code uint32 id, string first, string second}.
 * RENAME: oldpath, newpath. SYMLINK per the draft: linkpath, targetpath — but OpenSSH's
 * sftp-server (and most servers, for compatibility with it) read them the other way round:
 * targetpath first, then linkpath (OpenSSH PROTOCOL section 4.1). {@code SftpClient.symlink}
 * sends OpenSSH's order; this record only carries the two strings in wire order.
 */
public record TwoPathRequest(int type, int id, String first, String second) implements SftpPacket.WithId {
    public static final Set<Integer> TYPES = Set.of(SftpMessages.RENAME, SftpMessages.SYMLINK);

    public TwoPathRequest {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not a two-path request: " + SftpMessages.name(type));
        }
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).utf8(first).utf8(second);
    }
}
