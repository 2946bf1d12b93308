package dev.skiff.ssh.agent;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.Arrays;

/**
 * SSH_AGENTC_LOCK / SSH_AGENTC_UNLOCK (draft-miller-ssh-agent, "Locking and unlocking an agent"):
 * {@code byte 22 or 23, string passphrase}. The passphrase is a secret: {@link #toString()} hides
 * it and {@link #wipe()} zeroes this record's copy once it has been sent.
 */
public record AgentLock(boolean lock, byte[] passphrase) {
    public AgentLock {
        passphrase = passphrase.clone();
    }

    public static AgentLock decode(byte[] payload) throws ProtocolException {
        WireReader r = new WireReader(payload);
        int type = r.byteValue();
        if (type != AgentMessages.LOCK && type != AgentMessages.UNLOCK) {
            throw new ProtocolException("expected agent LOCK or UNLOCK, got " + AgentMessages.name(type));
        }
        AgentLock m = new AgentLock(type == AgentMessages.LOCK, r.string());
        r.expectEnd();
        return m;
    }

    /** The encoded message; the caller wipes it after sending. */
    public byte[] encode() {
        WireWriter w = new WireWriter(8 + passphrase.length);
        w.byteValue(lock ? AgentMessages.LOCK : AgentMessages.UNLOCK).string(passphrase);
        byte[] out = w.toByteArray();
        w.wipe();
        return out;
    }

    @Override
    public byte[] passphrase() {
        return passphrase.clone();
    }

    /** Zeroes the passphrase held by this record (secrets are wiped after use, DESIGN.md section 5). */
    public void wipe() {
        Arrays.fill(passphrase, (byte) 0);
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
        return lock ? "AgentLock[LOCK]" : "AgentLock[UNLOCK]";
    }
}
