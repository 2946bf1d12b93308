package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_MSG_SERVICE_REQUEST (RFC 4253 section 10): string service name. */
public record ServiceRequest(String service) implements TransportMessage {
    public static ServiceRequest decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.SERVICE_REQUEST);
        String service = r.ascii();
        r.expectEnd();
        return new ServiceRequest(service);
    }

    @Override
    public byte[] encode() {
        return new WireWriter().byteValue(SshMessages.SERVICE_REQUEST).utf8(service).toByteArray();
    }
}
