package dev.skiff.ssh.userauth;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;

/** SSH_MSG_USERAUTH_SUCCESS (RFC 4252 section 5.1): the message number alone. */
public record UserauthSuccess() implements AuthReply {
    public static UserauthSuccess decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        if (r.byteValue() != SshMessages.USERAUTH_SUCCESS) {
            throw new ProtocolException("expected USERAUTH_SUCCESS");
        }
        r.expectEnd();
        return new UserauthSuccess();
    }

    public byte[] encode() {
        return new byte[] {SshMessages.USERAUTH_SUCCESS};
    }
}
