package dev.skiff.ssh.agent;

import dev.skiff.ssh.keys.SshPublicKey;
import java.util.Objects;

/**
 * A key held by an SSH agent, as listed in IDENTITIES_ANSWER: the public key and the agent's
 * comment for it (usually the key file's comment). The comment is agent-supplied text: show it as
 * plain text.
 */
public record AgentIdentity(SshPublicKey key, String comment) {
    public AgentIdentity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(comment, "comment");
    }

    @Override
    public String toString() {
        return "AgentIdentity[" + key.keyType() + " " + key.sha256Fingerprint() + " " + comment + "]";
    }
}
