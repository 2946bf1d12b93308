/**
 * SSH agent client (draft-miller-ssh-agent, now RFC 9987) over the agent's Unix-domain socket.
 *
 * <ul>
 * <li>{@link dev.skiff.ssh.agent.AgentClient}: list keys, sign, add/remove keys, lock/unlock;
 * {@link dev.skiff.ssh.agent.AgentClient#identities()} gives
 * {@link dev.skiff.ssh.userauth.Identity} adapters for publickey authentication.</li>
 * <li>{@link dev.skiff.ssh.agent.AgentForwarder}: the local end of agent forwarding, relaying
 * framed messages between a channel's streams and the local agent.</li>
 * <li>One immutable record per message layout, each with {@code decode} (ending in
 * {@code expectEnd()}) and {@code encode}; {@link dev.skiff.ssh.agent.AgentFrames} bounds every
 * frame to 256 KiB before allocating.</li>
 * </ul>
 *
 * <p>Every exchange blocks the calling thread for at most the configured timeout; failures are
 * {@link dev.skiff.ssh.AgentException}s.
 */
package dev.skiff.ssh.agent;
