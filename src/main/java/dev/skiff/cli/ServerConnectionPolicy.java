package dev.skiff.cli;

import dev.skiff.ssh.keys.KeyFingerprints;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.server.AuthContext;
import dev.skiff.ssh.server.AuthResult;
import dev.skiff.ssh.server.PtyInfo;
import dev.skiff.ssh.server.ServerPolicy;
import dev.skiff.ssh.server.SessionInfo;
import dev.skiff.ssh.server.SystemCommands;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link ServerPolicy} of one {@code skiff server} connection: publickey from the authorized
 * keys (with their options), password from the password file, then sessions as the OS user running
 * the server. The options of the key that authenticated ({@code no-pty}, {@code command=},
 * {@code no-port-forwarding}, {@code permitopen=}) restrict this connection's channels. Logs the
 * connection, each authentication result and its end (no secrets).
 *
 * <p>Threads: auth methods run on the connection's handler thread, channel methods on its reader
 * thread, after authentication; the grant is handed over through a volatile field.
 */
final class ServerConnectionPolicy implements ServerPolicy {
    private final ServerSettings settings;
    private final InetSocketAddress peer;
    private final String peerText;
    private volatile ServerKeyOptions grant;
    private volatile String user;

    ServerConnectionPolicy(ServerSettings settings, InetSocketAddress peer) {
        this.settings = settings;
        this.peer = peer;
        this.peerText = peer.getAddress().getHostAddress() + " port " + peer.getPort();
        settings.log().info("connection from " + peerText);
    }

    @Override
    public List<String> allowedMethods(AuthContext ctx) {
        List<String> l = new ArrayList<>();
        if (settings.authorizedKeys() != null) {
            l.add("publickey");
        }
        if (settings.passwords() != null) {
            l.add("password");
        }
        return l;
    }

    private boolean userAllowed(String name) {
        return settings.anyUser() || name.equals(settings.osUser());
    }

    @Override
    public boolean isPublicKeyAcceptable(AuthContext ctx, SshPublicKey key) {
        return authorizedEntry(ctx, key) != null;
    }

    @Override
    public AuthResult checkPublicKey(AuthContext ctx, SshPublicKey key) {
        ServerAuthorizedKeys.Entry e = authorizedEntry(ctx, key);
        if (e == null) {
            return AuthResult.FAILURE;
        }
        return accept("publickey", ctx, e.options(), describe(key) + " (line " + e.line() + ")");
    }

    /** The authorized_keys line for this key and peer, or null (the refusal is logged). */
    private ServerAuthorizedKeys.Entry authorizedEntry(AuthContext ctx, SshPublicKey key) {
        ServerAuthorizedKeys.Entry e = userAllowed(ctx.user()) ? settings.authorizedKeys().find(key, peer.getAddress()) : null;
        if (e == null) {
            String why = !userAllowed(ctx.user()) ? "login name is not " + settings.osUser()
                    : settings.authorizedKeys().contains(key) ? "from= does not match" : "key not authorized";
            fail("publickey", ctx, describe(key) + ": " + why);
        }
        return e;
    }

    private static String describe(SshPublicKey key) {
        return KeyFingerprints.typeTag(key) + " " + key.sha256Fingerprint();
    }

    @Override
    public AuthResult checkPassword(AuthContext ctx, char[] password) {
        boolean ok = settings.passwords().check(ctx.user(), password) && userAllowed(ctx.user());
        if (!ok) {
            fail("password", ctx, "");
            return AuthResult.FAILURE;
        }
        return accept("password", ctx, ServerKeyOptions.NONE, "");
    }

    private AuthResult accept(String method, AuthContext ctx, ServerKeyOptions options, String detail) {
        grant = options;
        user = ctx.user();
        settings.log().info("accepted " + method + " for " + ServerLog.printable(ctx.user()) + " from " + peerText
                + (detail.isEmpty() ? "" : ": " + detail));
        return AuthResult.SUCCESS;
    }

    private void fail(String method, AuthContext ctx, String detail) {
        settings.log().info("failed " + method + " for " + ServerLog.printable(ctx.user()) + " from " + peerText
                + (detail.isEmpty() ? "" : ": " + detail));
    }

    private ServerKeyOptions grant() {
        ServerKeyOptions g = grant;
        return g == null ? new ServerKeyOptions(List.of(), null, true, true, List.of(), true, true) : g;
    }

    @Override
    public boolean allowSession(String name) {
        return grant != null;
    }

    @Override
    public boolean allowPty(String name, PtyInfo pty) {
        boolean ok = !grant().noPty();
        if (!ok) {
            settings.log().info("pty refused for " + ServerLog.printable(name) + " from " + peerText + ": no-pty");
        }
        return ok;
    }

    @Override
    public boolean acceptEnv(String name, String variable, String value) {
        return variable.equals("LANG") || variable.startsWith("LC_");
    }

    @Override
    public dev.skiff.ssh.server.ServerCommand exec(SessionInfo session, String command) {
        String forced = grant().command();
        settings.log().debug("exec for " + ServerLog.printable(session.user()) + " from " + peerText + ": "
                + ServerLog.printable(command) + (forced == null ? "" : " (forced command runs instead)"));
        if (forced != null) {
            Map<String, String> env = new HashMap<>(session.environment());
            env.put("SSH_ORIGINAL_COMMAND", command);
            return SystemCommands.exec(new SessionInfo(session.user(), session.peer(), env, session.pty()), forced, settings.shell());
        }
        return SystemCommands.exec(session, command, settings.shell());
    }

    @Override
    public dev.skiff.ssh.server.ServerCommand shell(SessionInfo session) {
        String forced = grant().command();
        settings.log().debug("shell for " + ServerLog.printable(session.user()) + " from " + peerText
                + (session.hasPty() ? " with pty" : " without pty"));
        return forced != null ? SystemCommands.exec(session, forced, settings.shell()) : SystemCommands.shell(session, settings.shell());
    }

    @Override
    public boolean allowSubsystem(SessionInfo session, String name) {
        boolean ok = grant().command() == null;
        settings.log().debug("subsystem " + ServerLog.printable(name) + " for " + ServerLog.printable(session.user())
                + (ok ? "" : " refused: forced command"));
        return ok;
    }

    @Override
    public boolean allowAgentForwarding(String name) {
        boolean ok = settings.allowAgentForwarding() && !grant().noAgentForwarding();
        settings.log().info("agent forwarding for " + ServerLog.printable(name) + (ok ? " allowed"
                : " refused (needs --allow-agent-forwarding, no no-agent-forwarding/restrict key option)"));
        return ok;
    }

    @Override
    public boolean allowX11Forwarding(String name) {
        boolean ok = settings.allowX11Forwarding() && !grant().noX11Forwarding();
        settings.log().info("X11 forwarding for " + ServerLog.printable(name) + (ok ? " allowed"
                : " refused (needs --allow-x11-forwarding, no no-X11-forwarding/restrict key option)"));
        return ok;
    }

    @Override
    public boolean allowDirectTcpip(String name, String host, int port, String originator) {
        ServerKeyOptions g = grant();
        boolean ok = settings.allowForwarding() && !g.noPortForwarding()
                && ServerAddressPatterns.permitOpenAllows(g.permitOpen(), host, port);
        settings.log().info("direct-tcpip to " + ServerLog.printable(host) + ":" + port + " for " + ServerLog.printable(name)
                + (ok ? " allowed" : " refused"));
        return ok;
    }

    @Override
    public boolean allowRemoteForward(String name, String bindAddress, int port) {
        boolean loopback = bindAddress.equals("localhost") || bindAddress.equals("127.0.0.1") || bindAddress.equals("::1");
        boolean ok = settings.allowForwarding() && !grant().noPortForwarding() && loopback;
        settings.log().info("tcpip-forward on " + ServerLog.printable(bindAddress) + ":" + port + " for "
                + ServerLog.printable(name) + (ok ? " allowed" : " refused (needs --allow-forwarding, a loopback address)"));
        return ok;
    }

    @Override
    public void connectionClosed() {
        String u = user;
        settings.log().info("connection from " + peerText + (u == null ? " closed (not authenticated)"
                : " closed (" + ServerLog.printable(u) + ")"));
    }
}
