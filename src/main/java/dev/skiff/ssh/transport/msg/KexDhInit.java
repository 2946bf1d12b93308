package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/**
 * Message 30 of the single-round KEX methods: SSH_MSG_KEXDH_INIT (RFC 4253 8: mpint e),
 * SSH_MSG_KEX_ECDH_INIT (RFC 5656 7.1: string Q_C), the hybrid INIT (string C_INIT). An mpint and a
 * string share their framing, so the field is kept as its raw contents.
 */
public record KexDhInit(byte[] clientValue) implements TransportMessage {
    public static KexDhInit decode(byte[] payload) throws ProtocolException {
        WireReader r = Msgs.reader(payload, SshMessages.KEXDH_INIT);
        byte[] v = r.string();
        r.expectEnd();
        return new KexDhInit(v);
    }

    @Override
    public byte[] encode() {
        return new WireWriter(clientValue.length + 8).byteValue(SshMessages.KEXDH_INIT).string(clientValue).toByteArray();
    }
}
