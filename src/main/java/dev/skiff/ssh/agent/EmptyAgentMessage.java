package dev.skiff.ssh.agent;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;

/**
 * An agent message that is only its type byte (draft-miller-ssh-agent): REQUEST_IDENTITIES,
 * REMOVE_ALL_IDENTITIES, SUCCESS and FAILURE.
 */
public record EmptyAgentMessage(int type) {
    public static final EmptyAgentMessage REQUEST_IDENTITIES = new EmptyAgentMessage(AgentMessages.REQUEST_IDENTITIES);
    public static final EmptyAgentMessage REMOVE_ALL_IDENTITIES = new EmptyAgentMessage(AgentMessages.REMOVE_ALL_IDENTITIES);
    public static final EmptyAgentMessage SUCCESS = new EmptyAgentMessage(AgentMessages.SUCCESS);
    public static final EmptyAgentMessage FAILURE = new EmptyAgentMessage(AgentMessages.FAILURE);

    public EmptyAgentMessage {
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("message type out of range: " + type);
        }
    }

    /** Decodes a payload that must be exactly one byte, of {@code expectedType}. */
    public static EmptyAgentMessage decode(byte[] payload, int expectedType) throws ProtocolException {
        WireReader r = new WireReader(payload);
        int type = r.byteValue();
        if (type != expectedType) {
            throw new ProtocolException("expected agent " + AgentMessages.name(expectedType) + ", got " + AgentMessages.name(type));
        }
        r.expectEnd();
        return new EmptyAgentMessage(type);
    }

    public byte[] encode() {
        return new byte[] {(byte) type};
    }

    @Override
    public String toString() {
        return "EmptyAgentMessage[" + AgentMessages.name(type) + "]";
    }
}
