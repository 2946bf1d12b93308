package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.wire.WireWriter;
import java.util.List;

/**
 * SSH_FXP_NAME (section 7): {@code uint32 id, uint32 count, count * (string filename, string
 * longname, ATTRS attrs)}. {@code longname} is an {@code ls -l} line, for display only.
 */
public record Name(int id, List<Entry> entries) implements SftpPacket.WithId {
    /** One name; {@code attrs} may be empty (REALPATH replies carry none). */
    public record Entry(String filename, String longname, SftpAttributes attrs) {
    }

    public Name {
        entries = List.copyOf(entries);
    }

    @Override
    public int type() {
        return SftpMessages.NAME;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(id & 0xffffffffL).uint32(entries.size());
        for (Entry e : entries) {
            w.utf8(e.filename()).utf8(e.longname());
            e.attrs().encode(w);
        }
    }
}
