package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_MSG_KEX_DH_GEX_REQUEST (RFC 4419 section 3): uint32 min, uint32 n, uint32 max. */
public record GexRequest(int min, int preferred, int max) implements TransportMessage {
    public static GexRequest decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.KEX_DH_GEX_REQUEST);
        GexRequest m = new GexRequest(r.uint32AsInt("min"), r.uint32AsInt("n"), r.uint32AsInt("max"));
        r.expectEnd();
        return m;
    }

    @Override
    public byte[] encode() {
        return new WireWriter(16).byteValue(SshMessages.KEX_DH_GEX_REQUEST).uint32(min).uint32(preferred).uint32(max).toByteArray();
    }
}
