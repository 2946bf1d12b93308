package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_MSG_UNIMPLEMENTED (RFC 4253 section 11.4): uint32 packet sequence number of the rejected message. */
public record Unimplemented(long sequenceNumber) implements TransportMessage {
    public static Unimplemented decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.UNIMPLEMENTED);
        long seq = r.uint32();
        r.expectEnd();
        return new Unimplemented(seq);
    }

    @Override
    public byte[] encode() {
        return new WireWriter(8).byteValue(SshMessages.UNIMPLEMENTED).uint32(sequenceNumber).toByteArray();
    }
}
