package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_MSG_GLOBAL_REQUEST (RFC 4254 section 4): string name, boolean want_reply, request-specific data. */
public record GlobalRequest(String name, boolean wantReply, byte[] data) implements TransportMessage {
    public static GlobalRequest decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.GLOBAL_REQUEST);
        String name = r.ascii();
        boolean wantReply = r.bool();
        return new GlobalRequest(name, wantReply, r.rest());
    }

    @Override
    public byte[] encode() {
        return new WireWriter(data.length + name.length() + 16).byteValue(SshMessages.GLOBAL_REQUEST)
                .utf8(name).bool(wantReply).raw(data).toByteArray();
    }
}
