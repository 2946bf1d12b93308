package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;

/** SSH_MSG_NEWKEYS (RFC 4253 section 7.3): no fields. */
public record NewKeys() implements TransportMessage {
    public static NewKeys decode(byte[] payload) throws ProtocolException {
        Msgs.reader(payload, SshMessages.NEWKEYS).expectEnd();
        return new NewKeys();
    }

    @Override
    public byte[] encode() {
        return new byte[] {SshMessages.NEWKEYS};
    }
}
