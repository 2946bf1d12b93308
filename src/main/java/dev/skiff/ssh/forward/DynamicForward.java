package dev.skiff.ssh.forward;

import dev.skiff.ssh.ChannelOpenFailedException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.ConnectionService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * Dynamic forwarding ({@code ssh -D [bind_address:]port}): a local SOCKS4/4a/5 server (CONNECT
 * only, no authentication) whose connections go out as {@code direct-tcpip} channels (RFC 4254
 * section 7.2). The SOCKS reply is sent after the channel open is answered, so a refused target
 * gets a real error code: SOCKS5 0x05 for "connect failed", 0x02 for "administratively
 * prohibited", 0x01 otherwise; SOCKS4 0x5B.
 */
public final class DynamicForward extends ForwardListener {
    /** How long a client may take for the whole SOCKS handshake. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private DynamicForward(ConnectionService connection, String bindAddress, int port) throws SshException {
        super(connection, bindAddress, port, "D");
    }

    /**
     * Starts the SOCKS listener at once (bind address: see {@link ForwardSpec}; port 0 allocates
     * one, see {@link #boundPort()}).
     *
     * @throws dev.skiff.ssh.ChannelException when the address cannot be bound
     */
    public static DynamicForward start(ConnectionService connection, ForwardSpec spec) throws SshException {
        DynamicForward f = new DynamicForward(connection, spec.bindAddress(), spec.bindPort());
        f.startAccepting();
        return f;
    }

    @Override
    void serve(TcpipPump pump) {
        Socket s = pump.socket();
        SocksRequest request;
        OutputStream out;
        try {
            out = s.getOutputStream();
            request = SocksHandshake.negotiate(new DeadlineInputStream(s, HANDSHAKE_TIMEOUT.toMillis()), out);
        } catch (IOException e) {
            pump.fail("SOCKS handshake failed: " + e.getMessage());
            return;
        }
        TcpipChannel channel;
        try {
            channel = TcpipChannel.openDirect(connection, target(s, request.host(), request.port()));
        } catch (SshException | RuntimeException e) {
            int reason = e instanceof ChannelOpenFailedException f ? f.reasonCode() : -1;
            reply(out, request.failure(reason));
            pump.fail("SOCKS" + request.version() + " connect to " + ForwardSpec.bracket(request.host()) + ":"
                    + request.port() + " failed: " + e.getMessage());
            return;
        }
        try {
            out.write(request.success());
            out.flush();
            s.setSoTimeout(0);
        } catch (IOException e) {
            pump.abort();
        }
        pump.run(channel);
    }

    private static void reply(OutputStream out, byte[] reply) {
        try {
            out.write(reply);
            out.flush();
        } catch (IOException ignored) {
            // the client is gone; the socket is closed next
        }
    }

    @Override
    public String toString() {
        return "DynamicForward[" + localAddress() + "]";
    }
}
