package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_MSG_DEBUG (RFC 4253 section 11.3): boolean always_display, string message, string language. */
public record Debug(boolean alwaysDisplay, String message, String language) implements TransportMessage {
    public static Debug decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.DEBUG);
        boolean always = r.bool();
        String message = Msgs.lenientUtf8(r.string());
        String language = r.remaining() > 0 ? Msgs.lenientUtf8(r.string()) : "";
        r.expectEnd();
        return new Debug(always, message, language);
    }

    @Override
    public byte[] encode() {
        return new WireWriter().byteValue(SshMessages.DEBUG).bool(alwaysDisplay).utf8(message).utf8(language).toByteArray();
    }
}
