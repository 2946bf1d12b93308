package dev.skiff.ssh;

/**
 * A failure talking to an SSH agent (draft-miller-ssh-agent): no agent socket, an I/O error or
 * timeout on it, a malformed or oversized answer, or the agent refusing an operation
 * (SSH_AGENT_FAILURE).
 */
public class AgentException extends SshException {
    private static final long serialVersionUID = 1L;

    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
