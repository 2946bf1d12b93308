package dev.skiff.ssh.userauth;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/** SSH_MSG_USERAUTH_PK_OK (RFC 4252 section 7): string algorithm, string public key blob. */
public record UserauthPkOk(String algorithm, byte[] publicKey) implements AuthReply {
    public static UserauthPkOk decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        if (r.byteValue() != SshMessages.USERAUTH_PK_OK) {
            throw new ProtocolException("expected USERAUTH_PK_OK");
        }
        UserauthPkOk m = new UserauthPkOk(r.ascii(), r.string());
        r.expectEnd();
        return m;
    }

    public byte[] encode() {
        return new WireWriter().byteValue(SshMessages.USERAUTH_PK_OK).utf8(algorithm).string(publicKey).toByteArray();
    }
}
