package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.math.BigInteger;

/** SSH_MSG_KEX_DH_GEX_GROUP (RFC 4419 section 3): mpint p, mpint g. */
public record GexGroup(BigInteger p, BigInteger g) implements TransportMessage {
    public static GexGroup decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.KEX_DH_GEX_GROUP);
        GexGroup m = new GexGroup(r.mpint(), r.mpint());
        r.expectEnd();
        return m;
    }

    @Override
    public byte[] encode() {
        return new WireWriter(1100).byteValue(SshMessages.KEX_DH_GEX_GROUP).mpint(p).mpint(g).toByteArray();
    }
}
