package dev.skiff.ssh.forward;

import dev.skiff.ssh.ChannelException;
import dev.skiff.ssh.ChannelOpenFailedException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.ChannelMessage;
import dev.skiff.ssh.connection.ChannelOpenHandler;
import dev.skiff.ssh.connection.ConnectionService;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The remote forwards of one connection (RFC 4254 section 7.1): sends {@code tcpip-forward} and
 * {@code cancel-tcpip-forward} global requests, and routes the server's {@code forwarded-tcpip}
 * channel opens (section 7.2) to the matching {@link RemoteForward}. One per connection: it
 * registers itself as the connection's {@code forwarded-tcpip} handler.
 */
final class RemoteForwarding implements ChannelOpenHandler {
    private final ConnectionService connection;
    private final List<RemoteForward> active = new CopyOnWriteArrayList<>();

    RemoteForwarding(ConnectionService connection) {
        this.connection = connection;
        connection.onChannelOpen(TcpipChannel.FORWARDED, this);
    }

    /** OpenSSH's channel_rfwd_bind_host: none is "localhost", {@code *} is "" (all interfaces). */
    static String bindHost(String bindAddress) {
        if (bindAddress == null) {
            return "localhost";
        }
        return bindAddress.equals("*") ? "" : bindAddress;
    }

    /**
     * Asks the server to listen (global request {@code tcpip-forward}: string address to bind,
     * uint32 port; the REQUEST_SUCCESS data holds the allocated port when 0 was asked for).
     * Blocks up to the request timeout.
     *
     * @throws ChannelException when the server refuses (e.g. AllowTcpForwarding no, port in use)
     */
    RemoteForward request(ForwardSpec spec) throws SshException {
        String bind = bindHost(spec.bindAddress());
        byte[] data = new WireWriter().utf8(bind).uint32(spec.bindPort()).toByteArray();
        Optional<byte[]> reply = Futures.await(connection.transport().globalRequest("tcpip-forward", true, data),
                connection.config().requestTimeout(), "tcpip-forward reply");
        if (reply.isEmpty()) {
            throw new ChannelException("remote port forwarding failed for listen port " + spec.bindPort());
        }
        int port = spec.bindPort();
        if (port == 0) {
            WireReader r = new WireReader(reply.get());
            long allocated = r.uint32();
            r.expectEnd();
            if (allocated < 1 || allocated > 65535) {
                throw new ProtocolException("server allocated port " + allocated);
            }
            port = (int) allocated;
        }
        RemoteForward f = new RemoteForward(this, connection, bind, port, spec.host(), spec.hostPort());
        active.add(f);
        return f;
    }

    /**
     * Forgets {@code f} and, with {@code tellServer}, sends {@code cancel-tcpip-forward} (string
     * address, uint32 port) and waits for the reply; false when the server refused.
     */
    boolean cancel(RemoteForward f, boolean tellServer) throws SshException {
        active.remove(f);
        if (!tellServer) {
            return true;
        }
        byte[] data = new WireWriter().utf8(f.bindAddress()).uint32(f.boundPort()).toByteArray();
        return Futures.await(connection.transport().globalRequest("cancel-tcpip-forward", true, data),
                connection.config().requestTimeout(), "cancel-tcpip-forward reply").isPresent();
    }

    List<RemoteForward> active() {
        return List.copyOf(active);
    }

    /** Reader thread: finds the forward for the connected address and port; never blocks. */
    @Override
    public Channel accept(ConnectionService c, ChannelMessage.Open open) throws ChannelOpenFailedException {
        TcpipOpenData d;
        try {
            d = TcpipOpenData.decode(open.data());
        } catch (ProtocolException e) {
            throw new ChannelOpenFailedException(ChannelOpenFailedException.CONNECT_FAILED, "bad forwarded-tcpip data");
        }
        RemoteForward match = null;
        int samePort = 0;
        for (RemoteForward f : active) {
            if (f.boundPort() == d.port()) {
                samePort++;
                if (match == null || f.bindAddress().equals(d.host())) {
                    match = f;
                }
            }
        }
        if (match == null || (samePort > 1 && !match.bindAddress().equals(d.host()))) {
            throw new ChannelOpenFailedException(ChannelOpenFailedException.ADMINISTRATIVELY_PROHIBITED,
                    "no forwarding for " + ForwardSpec.bracket(d.host()) + ":" + d.port());
        }
        return match.accept(open, d);
    }
}
