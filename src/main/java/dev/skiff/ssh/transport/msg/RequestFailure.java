package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;

/** SSH_MSG_REQUEST_FAILURE (RFC 4254 section 4): no fields. */
public record RequestFailure() implements TransportMessage {
    public static RequestFailure decode(byte[] payload) throws ProtocolException {
        Msgs.reader(payload, SshMessages.REQUEST_FAILURE).expectEnd();
        return new RequestFailure();
    }

    @Override
    public byte[] encode() {
        return new byte[] {SshMessages.REQUEST_FAILURE};
    }
}
