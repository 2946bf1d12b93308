package dev.skiff.ssh.forward;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * OpenSSH's ProxyJump ({@code ssh -J user@jump1:port,jump2 target}): connect to the first hop,
 * authenticate, open a {@code direct-tcpip} channel (RFC 4254 section 7.2) to the next hop and run
 * its transport over that channel ({@link ChannelSshIo}), and so on up to the target.
 *
 * <p>Every hop's host key is checked by that hop's verifier right after its key exchange, before
 * anything is sent to it. Ownership: each hop is owned by the connection made through it, so
 * closing the connection returned by {@link #connect} closes every hop it opened, last to first;
 * if any step fails, the hops opened so far are closed.
 */
public final class ProxyJump {
    private ProxyJump() {
    }

    /** Authenticates one jump host (called on the connecting thread, before its channel is opened). */
    @FunctionalInterface
    public interface HopLogin {
        void authenticate(SshConnection hop) throws SshException;
    }

    /**
     * Connects to {@code target} through {@code hops} (first is dialled directly). The returned
     * connection is not authenticated yet, like {@link SshClient#connect}. Blocks.
     *
     * @param configs the client config (verifier, transport settings) for each hop and the target
     * @param login authenticates each jump host
     */
    public static SshConnection connect(List<ConnectSpec> hops, ConnectSpec target,
            Function<ConnectSpec, SshClientConfig> configs, HopLogin login) throws SshException {
        if (hops.isEmpty()) {
            return SshClient.connect(target, configs.apply(target));
        }
        SshConnection previous = SshClient.connect(hops.get(0), configs.apply(hops.get(0)));
        try {
            login.authenticate(previous);
        } catch (SshException | RuntimeException e) {
            previous.close();
            throw e;
        }
        for (ConnectSpec hop : hops.subList(1, hops.size())) {
            SshConnection next = connectVia(previous, hop, configs.apply(hop), previous);
            try {
                login.authenticate(next);
            } catch (SshException | RuntimeException e) {
                next.close();
                throw e;
            }
            previous = next;
        }
        return connectVia(previous, target, configs.apply(target), previous);
    }

    /**
     * One hop: a {@code direct-tcpip} channel from {@code jump} to {@code target}'s address and
     * port, and a transport over it. {@code owned} (usually {@code jump}, or null) is closed when
     * the new connection ends, or here if connecting fails.
     */
    public static SshConnection connectVia(SshConnection jump, ConnectSpec target, SshClientConfig config,
            AutoCloseable owned) throws SshException {
        TcpipChannel channel;
        try {
            // originator as OpenSSH's stdio forwarding sends it
            channel = TcpipChannel.openDirect(jump.connectionService(),
                    new TcpipOpenData(target.address(), target.port(), "127.0.0.1", 65535));
        } catch (SshException | RuntimeException e) {
            closeQuietly(owned);
            throw e;
        }
        ChannelSshIo io = new ChannelSshIo(channel, ForwardSpec.bracket(target.address()) + ":" + target.port()
                + "-via-" + jump.spec().host(), owned);
        try {
            return SshClient.connect(target, config, io);
        } catch (SshException | RuntimeException e) {
            io.close();
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing after a failure: the first failure is reported
            }
        }
    }

    /**
     * Parses a {@code -J} / ProxyJump value: comma-separated {@code [user@]host[:port]}, IPv6 hosts
     * in brackets ({@code [::1]:2222}). Port defaults to 22; user to {@code defaultUser}.
     *
     * @throws IllegalArgumentException when a hop is malformed
     */
    public static List<ConnectSpec> parse(String value, String defaultUser) {
        List<ConnectSpec> hops = new ArrayList<>();
        if (value == null || value.isBlank() || value.length() > 4096) {
            throw new IllegalArgumentException("empty ProxyJump");
        }
        for (String hop : value.split(",", -1)) {
            hops.add(parseHop(hop.strip(), defaultUser));
        }
        return List.copyOf(hops);
    }

    private static ConnectSpec parseHop(String hop, String defaultUser) {
        String user = defaultUser;
        int at = hop.lastIndexOf('@');
        if (at >= 0) {
            user = hop.substring(0, at);
            hop = hop.substring(at + 1);
            if (user.isEmpty()) {
                throw new IllegalArgumentException("empty user name in ProxyJump hop");
            }
        }
        String host;
        String port = null;
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            if (close < 0 || (close + 1 < hop.length() && hop.charAt(close + 1) != ':')) {
                throw new IllegalArgumentException("bad ProxyJump hop '" + hop + "'");
            }
            host = hop.substring(1, close);
            port = close + 1 < hop.length() ? hop.substring(close + 2) : null;
        } else {
            int colon = hop.indexOf(':');
            host = colon < 0 ? hop : hop.substring(0, colon);
            port = colon < 0 ? null : hop.substring(colon + 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@' || c == '[' || c == ']')) {
            throw new IllegalArgumentException("bad host in ProxyJump hop '" + hop + "'");
        }
        int p = 22;
        if (port != null) {
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
                    || (p = Integer.parseInt(port)) < 1 || p > 65535) {
                throw new IllegalArgumentException("bad port in ProxyJump hop '" + hop + "'");
            }
        }
        return new ConnectSpec(host, host, p, user);
    }
}
