package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_MSG_REQUEST_SUCCESS (RFC 4254 section 4): response-specific data (e.g. a bound port). */
public record RequestSuccess(byte[] data) implements TransportMessage {
    public static RequestSuccess decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.REQUEST_SUCCESS);
        return new RequestSuccess(r.rest());
    }

    @Override
    public byte[] encode() {
        return new WireWriter(data.length + 1).byteValue(SshMessages.REQUEST_SUCCESS).raw(data).toByteArray();
    }
}
