package dev.skiff.ssh.transport.msg;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;

/**
 * SSH_MSG_KEXDH_REPLY (31) and SSH_MSG_KEX_DH_GEX_REPLY (33): string K_S (host key blob),
 * mpint f / string Q_S (kept raw), string signature of H.
 */
public record KexDhReply(int messageId, byte[] hostKey, byte[] serverValue, byte[] signature) implements TransportMessage {
    public static KexDhReply decode(byte[] payload, int messageId) throws ProtocolException {
        WireReader r = Msgs.reader(payload, messageId);
        KexDhReply m = new KexDhReply(messageId, r.string(), r.string(), r.string());
        r.expectEnd();
        return m;
    }

    @Override
    public byte[] encode() {
        return new WireWriter(hostKey.length + serverValue.length + signature.length + 16).byteValue(messageId)
                .string(hostKey).string(serverValue).string(signature).toByteArray();
    }
}
