package dev.skiff.ssh;

import dev.skiff.ssh.knownhosts.HostKeyVerifier;
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
        HostKeyVerifier verifier = config.hostKeyVerifier();
        TransportConfig tc = preferKnownKeyTypes(config.transport(), verifier.knownKeyTypes(spec.host(), spec.port()));
        Transport t = handshake(spec, tc);
        try {
            verifier.verify(spec.host(), spec.port(), t.serverHostKey());
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
