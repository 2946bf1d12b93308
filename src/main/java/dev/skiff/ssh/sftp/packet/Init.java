package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;
import java.util.List;

/** SSH_FXP_INIT (section 4): {@code uint32 version, extension-pair*}. We send version 3. */
public record Init(long version, List<ExtensionPair> extensions) implements SftpPacket {
    public Init {
        extensions = List.copyOf(extensions);
    }

    @Override
    public int type() {
        return SftpMessages.INIT;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(version);
        for (ExtensionPair p : extensions) {
            w.utf8(p.name()).string(p.data());
        }
    }
}
