package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_MSG_IGNORE (RFC 4253 section 11.2): string data. */
public record Ignore(byte[] data) implements TransportMessage {
    public static Ignore decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.IGNORE);
        byte[] data = r.string();
        r.expectEnd();
        return new Ignore(data);
    }

    @Override
    public byte[] encode() {
        return new WireWriter(data.length + 8).byteValue(SshMessages.IGNORE).string(data).toByteArray();
    }
}
