package dev.skiff.ssh.sftp.packet;

import dev.skiff.ssh.wire.WireWriter;
import java.util.List;

/**
 * SSH_FXP_VERSION (section 4): {@code uint32 version, extension-pair*} up to the end of the
 * packet. OpenSSH lists its extensions here (PROTOCOL section 4), e.g. {@code posix-rename@openssh.com "1"}.
 */
public record Version(long version, List<ExtensionPair> extensions) implements SftpPacket {
    public Version {
        extensions = List.copyOf(extensions);
    }

    @Override
    public int type() {
        return SftpMessages.VERSION;
    }

    @Override
    public void encodeFields(WireWriter w) {
        w.uint32(version);
        for (ExtensionPair p : extensions) {
            w.utf8(p.name()).string(p.data());
        }
    }
}
