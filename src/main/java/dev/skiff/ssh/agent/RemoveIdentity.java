package dev.skiff.ssh.agent;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.Arrays;

/**
 * SSH_AGENTC_REMOVE_IDENTITY (draft-miller-ssh-agent, "Removing keys from the agent"):
 * {@code byte 18, string key blob}. The agent answers SUCCESS or FAILURE.
 */
public record RemoveIdentity(byte[] keyBlob) {
    public RemoveIdentity {
        keyBlob = keyBlob.clone();
    }

    public static RemoveIdentity decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        int type = r.byteValue();
        if (type != AgentMessages.REMOVE_IDENTITY) {
            throw new ProtocolException("expected agent REMOVE_IDENTITY, got " + AgentMessages.name(type));
        }
        RemoveIdentity m = new RemoveIdentity(r.string());
        r.expectEnd();
        return m;
    }

    public byte[] encode() {
        return new WireWriter(8 + keyBlob.length).byteValue(AgentMessages.REMOVE_IDENTITY).string(keyBlob).toByteArray();
    }

    @Override
    public byte[] keyBlob() {
        return keyBlob.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoveIdentity m && Arrays.equals(keyBlob, m.keyBlob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keyBlob);
    }

    @Override
    public String toString() {
        return "RemoveIdentity[" + keyBlob.length + " byte key]";
    }
}
