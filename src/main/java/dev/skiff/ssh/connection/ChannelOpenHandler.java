package dev.skiff.ssh.connection;

import dev.skiff.ssh.ChannelOpenFailedException;
import dev.skiff.ssh.SshException;

/**
 * Decides on a CHANNEL_OPEN from the peer (forwarded-tcpip, auth-agent@openssh.com, x11, or any
 * type in server mode). Called on the reader thread: must not block; start any work elsewhere.
 */
public interface ChannelOpenHandler {
    /**
     * Returns the accepted channel (created with {@link ConnectionService}; confirmed by the handler
     * with {@link ConnectionService#confirm} or, if not, by the service), or throws
     * {@link ChannelOpenFailedException} to refuse with a reason code. Any other exception ends the
     * connection.
     */
    Channel accept(ConnectionService connection, ChannelMessage.Open open) throws SshException;
}
