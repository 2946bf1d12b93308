package dev.skiff.ssh.forward;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.ConnectionService;

/**
 * Local port forwarding ({@code ssh -L [bind_address:]port:host:hostport}): each TCP connection
 * accepted on the local port opens a {@code direct-tcpip} channel (RFC 4254 section 7.2) to
 * {@code host:hostport} as seen from the server. A refused channel open closes that local
 * connection (logged); the listener keeps serving.
 */
public final class LocalForward extends ForwardListener {
    private final String host;
    private final int hostPort;

    private LocalForward(ConnectionService connection, String bindAddress, int port, String host, int hostPort)
            throws SshException {
        super(connection, bindAddress, port, "L");
        this.host = host;
        this.hostPort = hostPort;
    }

    /**
     * Starts listening at once (bind address: see {@link ForwardSpec}; port 0 allocates one, see
     * {@link #boundPort()}). Does not block beyond binding.
     *
     * @throws dev.skiff.ssh.ChannelException when the address cannot be bound
     */
    public static LocalForward start(ConnectionService connection, ForwardSpec spec) throws SshException {
        if (spec.host() == null) {
            throw new IllegalArgumentException("local forwarding needs a target host");
        }
        LocalForward f = new LocalForward(connection, spec.bindAddress(), spec.bindPort(), spec.host(), spec.hostPort());
        f.startAccepting();
        return f;
    }

    @Override
    void serve(TcpipPump pump) {
        TcpipChannel channel;
        try {
            channel = TcpipChannel.openDirect(connection, target(pump.socket(), host, hostPort));
        } catch (SshException | RuntimeException e) {
            pump.fail("forwarding to " + ForwardSpec.bracket(host) + ":" + hostPort + " failed: " + e.getMessage());
            return;
        }
        pump.run(channel);
    }

    @Override
    public String toString() {
        return "LocalForward[" + localAddress() + " -> " + ForwardSpec.bracket(host) + ":" + hostPort + "]";
    }
}
