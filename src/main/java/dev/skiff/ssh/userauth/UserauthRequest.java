package dev.skiff.ssh.userauth;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/**
 * SSH_MSG_USERAUTH_REQUEST (RFC 4252 section 5): string user, string service, string method,
 * method-specific fields (kept raw). {@code toString} never shows the method fields (they may
 * hold a password or a signature).
 */
public record UserauthRequest(String user, String service, String method, byte[] methodFields) {
    public static UserauthRequest decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        if (r.byteValue() != SshMessages.USERAUTH_REQUEST) {
            throw new ProtocolException("expected USERAUTH_REQUEST");
        }
        return new UserauthRequest(r.utf8(), r.ascii(), r.ascii(), r.rest());
    }

    public byte[] encode() {
        return new WireWriter(methodFields.length + 64).byteValue(SshMessages.USERAUTH_REQUEST).utf8(user).utf8(service)
                .utf8(method).raw(methodFields).toByteArray();
    }

    @Override
    public String toString() {
        return "UserauthRequest[user=" + user + ", service=" + service + ", method=" + method + "]";
    }
}
