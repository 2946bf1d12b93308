package dev.skiff.ssh.forward;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.ConnectionService;

/**
 * A TCP/IP forwarding channel (RFC 4254 section 7.2): {@code direct-tcpip} opened by us, or
 * {@code forwarded-tcpip} opened by the server for a remote forward. A plain byte stream in both
 * directions; no channel requests.
 */
public final class TcpipChannel extends Channel {
    /** Our type for channels we open (local and dynamic forwards, ProxyJump). */
    public static final String DIRECT = "direct-tcpip";
    /** The type the server opens for connections to a remote forward. */
    public static final String FORWARDED = "forwarded-tcpip";

    TcpipChannel(ConnectionService connection, String type) {
        super(connection, type, connection.config().window(), connection.config().maxPacket());
    }

    /**
     * Opens a {@code direct-tcpip} channel to {@code host:port} and waits for the confirmation
     * (request timeout). Blocks; call it on a worker thread.
     *
     * @throws dev.skiff.ssh.ChannelOpenFailedException when the server refuses (e.g. connect failed)
     */
    public static TcpipChannel openDirect(ConnectionService connection, TcpipOpenData target) throws SshException {
        return connection.open(new TcpipChannel(connection, DIRECT), target.encode());
    }
}
