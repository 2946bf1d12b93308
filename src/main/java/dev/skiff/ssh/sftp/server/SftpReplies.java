package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;

import dev.skiff.ssh.wire.WireWriter;
import java.util.List;

/**
 * Builds server responses (filexfer-02 section 7) as packet bodies: {@code byte type,
 * uint32 request-id, ...}, without the length field, which {@link SftpServer} adds.
 */
final class SftpReplies {
    private SftpReplies() {
    }

    /** One NAME entry: {@code string filename, string longname, ATTRS}. */
    record NameEntry(String filename, String longname, SftpAttrs attrs) {
    }

    static WireWriter status(long id, int code, String message) {
        return new WireWriter(32 + message.length()).byteValue(FXP_STATUS).uint32(id).uint32(code)
                .utf8(message).utf8("");
    }

    static WireWriter status(long id, SftpStatusMapping.Status s) {
        return status(id, s.code(), s.message());
    }

    static WireWriter ok(long id) {
        return status(id, FX_OK, statusText(FX_OK));
    }

    static WireWriter handle(long id, byte[] handle) {
        return new WireWriter(16).byteValue(FXP_HANDLE).uint32(id).string(handle);
    }

    static WireWriter data(long id, byte[] b, int len) {
        return new WireWriter(len + 16).byteValue(FXP_DATA).uint32(id).string(b, 0, len);
    }

    static WireWriter attrs(long id, SftpAttrs a) {
        WireWriter w = new WireWriter(48).byteValue(FXP_ATTRS).uint32(id);
        a.encode(w);
        return w;
    }

    static WireWriter name(long id, List<NameEntry> entries) {
        WireWriter w = new WireWriter(256).byteValue(FXP_NAME).uint32(id).uint32(entries.size());
        for (NameEntry e : entries) {
            w.utf8(e.filename()).utf8(e.longname());
            e.attrs().encode(w);
        }
        return w;
    }

    /** EXTENDED_REPLY header; the caller appends the extension-specific data. */
    static WireWriter extendedReply(long id) {
        return new WireWriter(128).byteValue(FXP_EXTENDED_REPLY).uint32(id);
    }
}
