package dev.skiff.ssh.connection;

import dev.skiff.ssh.ChannelOpenFailedException;

/**
 * Decides on a CHANNEL_OPEN from the peer (forwarded-tcpip, auth-agent@openssh.com, x11, or any
 * type in server mode). Called on the reader thread: must not block; start any work elsewhere.
 */
public interface ChannelOpenHandler {
    /**
     * Returns the accepted channel (created with {@link ConnectionService}), or throws to refuse
     * with a reason code.
     */
    Channel accept(ConnectionService connection, ChannelMessage.Open open) throws ChannelOpenFailedException;
}
