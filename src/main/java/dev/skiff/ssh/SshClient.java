package dev.skiff.ssh;

import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.transport.SshIo;
import dev.skiff.ssh.transport.Transport;
import dev.skiff.ssh.transport.TransportConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens SSH connections. {@link #connect} runs on the calling (worker) thread and blocks: TCP
 * connect, version exchange and key exchange, then the host key check on this thread before
 * anything else is sent (paramiko's order), then the {@code ssh-userauth} service request.
 */
public final class SshClient {
    private SshClient() {
    }

    /**
     * Connects, verifies the host key with the config's verifier and requests {@code ssh-userauth}.
     *
     * @throws HostKeyRejectedException when the verifier refuses the key
     * @throws TransportException for network, protocol, negotiation and timeout failures
     */
    public static SshConnection connect(ConnectSpec spec, SshClientConfig config) throws SshException {
        TransportConfig tc = preferKnownKeyTypes(config.transport(),
                config.hostKeyVerifier().knownKeyTypes(spec.host(), spec.port()));
        return verifyAndAccept(spec, config, handshake(spec, tc));
    }

    /**
     * Connects over an already open byte pipe instead of a TCP socket: a channel of another
     * connection (ProxyJump, see {@link dev.skiff.ssh.forward.ChannelSshIo}) or a process's stdio
     * (ProxyCommand, see {@link dev.skiff.ssh.forward.ProcessSshIo}). The host key is verified for
     * {@code spec}'s host and port. The returned connection owns {@code io}: closing it closes
     * {@code io}; on any failure here {@code io} is closed too.
     *
     * @throws HostKeyRejectedException when the verifier refuses the key
     * @throws TransportException for protocol, negotiation and timeout failures
     */
    public static SshConnection connect(ConnectSpec spec, SshClientConfig config, SshIo io) throws SshException {
        TransportConfig tc = preferKnownKeyTypes(config.transport(),
                config.hostKeyVerifier().knownKeyTypes(spec.host(), spec.port()));
        Transport t;
        try {
            t = Transport.client(io, tc);
        } catch (RuntimeException e) {
            io.close();
            throw e;
        }
        t.start();
        return verifyAndAccept(spec, config, t);
    }

    /**
     * Connects to {@code target} through {@code jumpHost} (one ProxyJump hop): opens a
     * {@code direct-tcpip} channel (RFC 4254 section 7.2) to the target's address and port and runs
     * the target's transport over it; the target's host key is checked by {@code config}'s verifier.
     * The jump host stays owned by the caller: closing the returned connection closes only the
     * channel. For a chain that owns its hops see {@link dev.skiff.ssh.forward.ProxyJump}.
     *
     * @throws dev.skiff.ssh.ChannelOpenFailedException when the jump host refuses the channel
     */
    public static SshConnection connectVia(SshConnection jumpHost, ConnectSpec target, SshClientConfig config)
            throws SshException {
        return dev.skiff.ssh.forward.ProxyJump.connectVia(jumpHost, target, config, null);
    }

    private static SshConnection verifyAndAccept(ConnectSpec spec, SshClientConfig config, Transport t)
            throws SshException {
        try {
            config.hostKeyVerifier().verify(spec.host(), spec.port(), t.serverHostKey());
        } catch (HostKeyRejectedException e) {
            t.disconnect(DisconnectReason.HOST_KEY_NOT_VERIFIABLE, "host key rejected");
            throw e;
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
        t.requestService("ssh-userauth");
        return new SshConnection(spec, t);
    }

    /**
     * Connects and completes the key exchange only, without verifying the host key: for keyscan.
     * The caller closes the returned transport.
     */
    public static Transport handshake(ConnectSpec spec, TransportConfig config) throws SshException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(spec.address(), spec.port()), (int) config.connectTimeout().toMillis());
        } catch (UnknownHostException e) {
            closeQuietly(socket);
            throw new ConnectFailedException("Could not resolve hostname " + spec.address() + ": Name or service not known", e);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new ConnectFailedException("connect to host " + spec.address() + " port " + spec.port()
                    + ": Connection timed out", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ConnectFailedException("connect to host " + spec.address() + " port " + spec.port() + ": "
                    + e.getMessage(), e);
        }
        Transport t;
        try {
            t = Transport.client(SshIo.of(socket), config);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new TransportException("socket setup failed: " + e.getMessage(), e);
        }
        t.start();
        return t;
    }

    /**
     * OpenSSH's order_hostkeyalgs: host key algorithms whose key type known_hosts already holds
     * for this host come first, each group keeping the configured order.
     */
    static TransportConfig preferKnownKeyTypes(TransportConfig config, List<String> knownTypes) {
        if (knownTypes.isEmpty()) {
            return config;
        }
        List<String> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String alg : config.hostKeyAlgorithms()) {
            String type = SignatureAlgorithm.byName(alg).map(SignatureAlgorithm::keyType).orElse(alg);
            (knownTypes.contains(type) ? first : rest).add(alg);
        }
        first.addAll(rest);
        return config.toBuilder().hostKeyAlgorithmList(first).build();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to add
        }
    }
}
