package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_MSG_DISCONNECT (RFC 4253 section 11.1): uint32 reason, string description, string language. */
public record Disconnect(int reasonCode, String description, String language) implements TransportMessage {
    public static Disconnect decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.DISCONNECT);
        int reason = (int) r.uint32();
        String description = Msgs.lenientUtf8(r.string());
        // Some peers omit the language tag.
        String language = r.remaining() > 0 ? Msgs.lenientUtf8(r.string()) : "";
        r.expectEnd();
        return new Disconnect(reason, description, language);
    }

    @Override
    public byte[] encode() {
        return new WireWriter().byteValue(SshMessages.DISCONNECT).uint32(reasonCode).utf8(description).utf8(language).toByteArray();
    }
}
