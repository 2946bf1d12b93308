package dev.skiff.ssh.userauth;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.List;

/** SSH_MSG_USERAUTH_FAILURE (RFC 4252 section 5.1): name-list methods that can continue, boolean partial success. */
public record UserauthFailure(List<String> methods, boolean partialSuccess) implements AuthReply {
    public UserauthFailure {
        methods = List.copyOf(methods);
    }

    public static UserauthFailure decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        if (r.byteValue() != SshMessages.USERAUTH_FAILURE) {
            throw new ProtocolException("expected USERAUTH_FAILURE");
        }
        UserauthFailure m = new UserauthFailure(r.nameList(), r.bool());
        r.expectEnd();
        return m;
    }

    public byte[] encode() {
        return new WireWriter().byteValue(SshMessages.USERAUTH_FAILURE).nameList(methods).bool(partialSuccess).toByteArray();
    }
}
