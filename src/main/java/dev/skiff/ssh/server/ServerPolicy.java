package dev.skiff.ssh.server;

import dev.skiff.ssh.keys.SshPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what an {@link SshServer} allows, in the spirit of paramiko's {@code ServerInterface}.
 * Every default denies: a policy overrides what it wants to allow.
 *
 * <p>Threads: the authentication methods ({@code allowedMethods}, {@code check*},
 * {@code isPublicKeyAcceptable}, keyboard-interactive) run on the connection's handler thread
 * ({@code skiff-conn-N}) and may block (e.g. ask PAM or a directory). The channel and request
 * methods run on the transport's reader thread and must decide quickly without blocking; the
 * returned {@link ServerCommand}s run later on their own threads. One policy serves every
 * connection concurrently. User names, commands, environment values and addresses are untrusted
 * client text. Passwords and keyboard-interactive answers are wiped by the server after the call:
 * do not keep the arrays.
 */
public interface ServerPolicy {
    // ------------------------------------------------------------ authentication (RFC 4252, 4256)

    /**
     * Methods the user may still try, after those in {@code ctx.completedMethods()} succeeded
     * partially. Sent in USERAUTH_FAILURE; a request for any other method fails without calling the
     * policy. Default: publickey, keyboard-interactive and password minus the completed ones.
     */
    default List<String> allowedMethods(AuthContext ctx) {
        List<String> l = new ArrayList<>(List.of("publickey", "keyboard-interactive", "password"));
        l.removeAll(ctx.completedMethods());
        return l;
    }

    /** The {@code none} method: SUCCESS lets the user in without credentials. Default: FAILURE. */
    default AuthResult checkNone(AuthContext ctx) {
        return AuthResult.FAILURE;
    }

    /** The {@code password} method (RFC 4252 section 8). Default: FAILURE. */
    default AuthResult checkPassword(AuthContext ctx, char[] password) {
        return AuthResult.FAILURE;
    }

    /**
     * Answers a publickey query without signature (RFC 4252 section 7): true sends USERAUTH_PK_OK
     * so the client signs. Nothing is proven yet. Default: false.
     */
    default boolean isPublicKeyAcceptable(AuthContext ctx, SshPublicKey key) {
        return false;
    }

    /**
     * A publickey request whose signature the server already verified (over the session id and
     * the request, with the algorithm it names). Default: SUCCESS when
     * {@link #isPublicKeyAcceptable} says the key is acceptable, else FAILURE.
     */
    default AuthResult checkPublicKey(AuthContext ctx, SshPublicKey key) {
        return isPublicKeyAcceptable(ctx, key) ? AuthResult.SUCCESS : AuthResult.FAILURE;
    }

    /**
     * Starts keyboard-interactive (RFC 4256 section 3.1): the first round, or null to refuse the
     * method for this attempt. {@code submethods} is the client's hint list. Default: null.
     */
    default InteractiveChallenge startKeyboardInteractive(AuthContext ctx, String submethods) {
        return null;
    }

    /**
     * The answers to the last round, one per prompt: a verdict or another round. Default: FAILURE.
     */
    default InteractiveStep answerKeyboardInteractive(AuthContext ctx, char[][] responses) {
        return InteractiveStep.done(AuthResult.FAILURE);
    }

    /** Banner text sent before the first authentication reply (RFC 4252 section 5.4); null for none. */
    default String banner(AuthContext ctx) {
        return null;
    }

    // ------------------------------------------------------------ channels (RFC 4254), reader thread

    /** Whether {@code user} may open a session channel. Default: false. */
    default boolean allowSession(String user) {
        return false;
    }

    /** Whether the session may have a pseudo-terminal. Default: false. */
    default boolean allowPty(String user, PtyInfo pty) {
        return false;
    }

    /** Whether an {@code env} request is accepted (OpenSSH AcceptEnv). Default: false. */
    default boolean acceptEnv(String user, String name, String value) {
        return false;
    }

    /** The program for {@code exec}, e.g. {@link SystemCommands#exec}; null refuses. Default: null. */
    default ServerCommand exec(SessionInfo session, String command) {
        return null;
    }

    /** The program for {@code shell}, e.g. {@link SystemCommands#shell}; null refuses. Default: null. */
    default ServerCommand shell(SessionInfo session) {
        return null;
    }

    /**
     * Whether the registered subsystem {@code name} may run. Registering a subsystem with the
     * server is already an opt-in, so the default is true (unregistered names are always refused).
     */
    default boolean allowSubsystem(SessionInfo session, String name) {
        return true;
    }

    /**
     * {@code auth-agent-req@openssh.com} ({@code ssh -A}): whether the session's programs may use the
     * client's agent through a private socket in SSH_AUTH_SOCK. Default: false.
     */
    default boolean allowAgentForwarding(String user) {
        return false;
    }

    /**
     * {@code x11-req} ({@code ssh -X / -Y}): whether the session's X clients may reach the client's
     * display through a loopback TCP display (DISPLAY=localhost:N, N &ge; 10) and {@code x11}
     * channels opened back to the client. Default: false.
     */
    default boolean allowX11Forwarding(String user) {
        return false;
    }

    /**
     * The xauth program used to record the forwarded X11 cookie (sshd's XAuthLocation). When it
     * is missing, X11 forwarding still works but no cookie is recorded (a warning is logged).
     * Default: {@code /usr/bin/xauth}.
     */
    default java.nio.file.Path xauthLocation() {
        return dev.skiff.ssh.x11.Xauth.DEFAULT_LOCATION;
    }

    /** {@code direct-tcpip} ({@code ssh -L}): whether the server may connect to host:port. Default: false. */
    default boolean allowDirectTcpip(String user, String host, int port, String originator) {
        return false;
    }

    /**
     * {@code tcpip-forward} ({@code ssh -R}): whether the server may listen on address:port (port 0:
     * the server picks one). Default: false.
     */
    default boolean allowRemoteForward(String user, String bindAddress, int port) {
        return false;
    }

    /**
     * Any other global request (RFC 4254 section 4): the REQUEST_SUCCESS data, or null for
     * REQUEST_FAILURE. Default: null (keepalive@openssh.com gets its failure reply, which proves
     * liveness).
     */
    default byte[] globalRequest(String user, String name, byte[] data) {
        return null;
    }

    // ------------------------------------------------------------ lifecycle

    /**
     * The connection this policy served has ended (called once, on its handler thread, also when it
     * never authenticated). Only meaningful for a per-connection policy from a
     * {@link ServerPolicyFactory}. Default: nothing.
     */
    default void connectionClosed() {
    }
}
