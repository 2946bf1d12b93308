package dev.skiff.ssh.agent;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.userauth.Identity;

/**
 * An {@link Identity} whose signatures are made by the agent: each {@link #sign} is one
 * SIGN_REQUEST round trip on the owning {@link AgentClient} (blocking, bounded by its timeout).
 * Fails with {@link dev.skiff.ssh.AgentException} once the client is closed.
 */
final class AgentKeyIdentity implements Identity {
    private final AgentClient client;
    private final AgentIdentity identity;

    AgentKeyIdentity(AgentClient client, AgentIdentity identity) {
        this.client = client;
        this.identity = identity;
    }

    @Override
    public SshPublicKey publicKey() {
        return identity.key();
    }

    @Override
    public byte[] sign(SignatureAlgorithm algorithm, byte[] data) throws SshException {
        return client.sign(identity.key(), algorithm, data);
    }

    @Override
    public String description() {
        return "agent: " + identity.comment();
    }

    @Override
    public String toString() {
        return "Identity[" + description() + ", " + identity.key().keyType() + "]";
    }
}
