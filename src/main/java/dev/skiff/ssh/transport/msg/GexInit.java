package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_MSG_KEX_DH_GEX_INIT (RFC 4419 section 3): mpint e, kept as its raw two's complement bytes. */
public record GexInit(byte[] clientValue) implements TransportMessage {
    public static GexInit decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.KEX_DH_GEX_INIT);
        byte[] v = r.string();
        r.expectEnd();
        return new GexInit(v);
    }

    @Override
    public byte[] encode() {
        return new WireWriter(clientValue.length + 8).byteValue(SshMessages.KEX_DH_GEX_INIT).string(clientValue).toByteArray();
    }
}
