package dev.skiff.ssh.agent;

import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.Arrays;

/**
 * SSH_AGENTC_ADD_IDENTITY (draft-miller-ssh-agent, "Adding keys to the agent"):
 * {@code byte 17, string key type, <private key fields>, string comment}; see
 * {@link PrivateKeyFields} for the fields of ssh-ed25519, ecdsa-sha2-* and ssh-rsa. Key
 * constraints (ADD_ID_CONSTRAINED) are not supported.
 *
 * <p>The private fields are secret: {@link #toString()} hides them, equality is identity, and
 * {@link #wipe()} zeroes this record's copy once it has been sent.
 */
public record AddIdentity(String keyType, byte[] privateFields, String comment) {
    public AddIdentity {
        privateFields = privateFields.clone();
    }

    /** The message adding {@code pair} with {@code comment}. */
    public static AddIdentity of(SshKeyPair pair, String comment) throws KeyFormatException {
        byte[] fields = PrivateKeyFields.encode(pair);
        try {
            return new AddIdentity(pair.publicKey().keyType(), fields, comment);
        } finally {
            Arrays.fill(fields, (byte) 0);
        }
    }

    public static AddIdentity decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        int type = r.byteValue();
        if (type != AgentMessages.ADD_IDENTITY) {
            throw new ProtocolException("expected agent ADD_IDENTITY, got " + AgentMessages.name(type));
        }
        String keyType = r.ascii();
        int start = r.position();
        PrivateKeyFields.skip(keyType, r);
        byte[] fields = Arrays.copyOfRange(payload, start, r.position());
        AddIdentity m = new AddIdentity(keyType, fields, r.utf8());
        Arrays.fill(fields, (byte) 0);
        r.expectEnd();
        return m;
    }

    /** The encoded message; the caller wipes it after sending. */
    public byte[] encode() {
        WireWriter w = new WireWriter(64 + privateFields.length);
        w.byteValue(AgentMessages.ADD_IDENTITY).utf8(keyType).raw(privateFields).utf8(comment);
        byte[] out = w.toByteArray();
        w.wipe();
        return out;
    }

    @Override
    public byte[] privateFields() {
        return privateFields.clone();
    }

    /** Zeroes the private fields held by this record. */
    public void wipe() {
        Arrays.fill(privateFields, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "AddIdentity[" + keyType + ", " + comment + "]";
    }
}
