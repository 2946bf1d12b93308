package dev.skiff.ssh;

import dev.skiff.ssh.connection.ConnectionConfig;
import dev.skiff.ssh.connection.ConnectionService;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.forward.DynamicForward;
import dev.skiff.ssh.forward.ForwardSpec;
import dev.skiff.ssh.forward.Forwarding;
import dev.skiff.ssh.forward.LocalForward;
import dev.skiff.ssh.forward.RemoteForward;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.userauth.AuthenticationPlan;
import dev.skiff.ssh.userauth.Authenticator;
import dev.skiff.ssh.userauth.KeyboardInteractiveHandler;
import dev.skiff.ssh.userauth.PasswordProvider;
import dev.skiff.ssh.userauth.UserAuthClient;
import dev.skiff.ssh.transport.NegotiatedAlgorithms;
import dev.skiff.ssh.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An open, host-key-verified SSH connection whose {@code ssh-userauth} service has been accepted.
 * Thread-safe; blocking methods take explicit timeouts. Closing it closes the socket and joins
 * its reader thread.
 */
public final class SshConnection implements AutoCloseable {
    private final ConnectSpec spec;
    private final Transport transport;
    private ConnectionService connection;
    private Forwarding forwarding;

    SshConnection(ConnectSpec spec, Transport transport) {
        this.spec = spec;
        this.transport = transport;
    }

    public ConnectSpec spec() {
        return spec;
    }

    public SshPublicKey hostKey() {
        return transport.serverHostKey();
    }

    public NegotiatedAlgorithms algorithms() {
        return transport.negotiated();
    }

    public String serverVersion() {
        return transport.serverVersion();
    }

    public boolean strictKex() {
        return transport.strictKex();
    }

    public List<String> serverSigAlgs() {
        return transport.serverSigAlgs();
    }

    public int kexCount() {
        return transport.kexCount();
    }

    public boolean isOpen() {
        return transport.isOpen();
    }

    /**
     * Completes when this connection has closed, for whatever reason: with the failure that ended
     * it, or null after an orderly close. Callbacks may run on the transport's reader thread.
     */
    public java.util.concurrent.CompletionStage<Throwable> closedStage() {
        return transport.closedFuture().minimalCompletionStage();
    }

    /** Re-exchanges keys and waits for the exchange to finish. */
    public void rekey(Duration timeout) throws SshException {
        waitFor(transport.rekey(), timeout, "rekey");
    }

    /** Sends {@code keepalive@openssh.com} and waits for the reply (any reply proves liveness). */
    public void ping(Duration timeout) throws SshException {
        waitFor(transport.globalRequest("keepalive@openssh.com", true, new byte[0]), timeout, "keepalive reply");
    }

    /**
     * Authenticates {@code user} with a key pair (RFC 4252 {@code none} first, then
     * {@code publickey}: query, then signature). Blocks up to the request timeout per round trip.
     *
     * @throws AuthenticationException naming what was tried and what the server allows
     */
    public void authenticatePublicKey(String user, SshKeyPair key) throws SshException {
        UserAuthClient auth = new UserAuthClient(transport, user, transport.config().requestTimeout());
        if (auth.none()) {
            return;
        }
        if (!auth.allowedMethods().contains("publickey") || !auth.publicKey(key)) {
            throw auth.failure();
        }
    }

    /**
     * The connection protocol service (channels); created on first use, after authentication.
     */
    public synchronized ConnectionService connectionService() {
        if (connection == null) {
            connection = new ConnectionService(transport, ConnectionConfig.defaults(transport.config().requestTimeout()));
        }
        return connection;
    }

    /** Opens a new session channel (RFC 4254 section 6.1). */
    public SessionChannel openSession() throws SshException {
        ConnectionService c = connectionService();
        return c.open(new SessionChannel(c), new byte[0]);
    }

    /**
     * Runs {@code command} on a new session channel of this connection (Conch's
     * "existing connection"): returns the running channel with stdin, stdout, stderr and its exit future.
     */
    public SessionChannel exec(String command) throws SshException {
        SessionChannel s = openSession();
        try {
            s.exec(command);
        } catch (SshException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * Runs user authentication (RFC 4252, RFC 4256) as {@code plan} says: {@code none}, then the
     * preferred methods the server allows, through partial-success chains. Blocks the calling worker
     * thread (never the FX thread): each wait for the server is bounded by the request timeout,
     * and the plan's SPIs are called on this thread. The host key was verified before this
     * connection was returned, so credentials only go to a verified server. May be called again
     * after a failure (e.g. keys first, then a password the user typed): the conversation continues
     * where it stopped, with the same user.
     *
     * @throws AuthenticationCancelledException when a prompt was cancelled
     * @throws AuthMethodNotAllowedException when the server allows nothing the plan can try
     * @throws PartialAuthenticationException when a chain was started but not completed
     * @throws AuthenticationException naming user@host, the methods tried and those allowed
     * @throws TransportException when the connection fails or the server does not answer
     */
    public void authenticate(AuthenticationPlan plan) throws SshException {
        Authenticator.authenticate(transport, plan, spec.displayName());
    }

    /**
     * Authenticates with a password given up front: {@code password} if the server allows it, else
     * {@code keyboard-interactive} answering non-echoing prompts (PAM's "Password: ") with it; one
     * attempt each. The caller keeps and wipes {@code password}.
     */
    public void authenticatePassword(String user, char[] password) throws SshException {
        authenticate(AuthenticationPlan.builder(user).passwordProvider(PasswordProvider.of(password))
                .keyboardInteractiveHandler(KeyboardInteractiveHandler.ofPassword(password))
                .preferredMethods(List.of("password", "keyboard-interactive")).numberOfPasswordPrompts(1).build());
    }

    /** The port forwards of this connection (RFC 4254 section 7); created on first use, after authentication. */
    public synchronized Forwarding forwarding() {
        if (forwarding == null) {
            forwarding = new Forwarding(connectionService());
        }
        return forwarding;
    }

    /**
     * {@code ssh -L [bindAddress:]port:host:hostPort}: listens locally (null bind address: loopback;
     * {@code ""} or {@code "*"}: all interfaces; port 0: allocated, see
     * {@link LocalForward#boundPort()}) and forwards each connection through a {@code direct-tcpip}
     * channel. Blocks only to bind.
     */
    public LocalForward forwardLocal(String bindAddress, int port, String host, int hostPort) throws SshException {
        return forwarding().local(new ForwardSpec(bindAddress, port, host, hostPort));
    }

    /**
     * {@code ssh -R [bindAddress:]port:host:hostPort}: asks the server to listen (port 0: the
     * server allocates, see {@link RemoteForward#boundPort()}) and connects each forwarded
     * connection to {@code host:hostPort} from here. Blocks for the server's reply.
     */
    public RemoteForward forwardRemote(String bindAddress, int port, String host, int hostPort) throws SshException {
        return forwarding().remote(new ForwardSpec(bindAddress, port, host, hostPort));
    }

    /** {@code ssh -D [bindAddress:]port}: a local SOCKS4/4a/5 server forwarding through this connection. */
    public DynamicForward forwardDynamic(String bindAddress, int port) throws SshException {
        return forwarding().dynamic(new ForwardSpec(bindAddress, port, null, 0));
    }

    /**
     * Starts an SFTP session (the {@code sftp} subsystem on a new session channel, version 3 with
     * OpenSSH's extensions). Blocks for the VERSION reply; close the client to close its channel.
     */
    public dev.skiff.ssh.sftp.SftpClient sftp() throws SshException {
        return dev.skiff.ssh.sftp.SftpClient.open(this, transport.config().requestTimeout());
    }

    /** The underlying transport, for the layers above (auth, connection). */
    public Transport transport() {
        return transport;
    }

    static <T> T waitFor(CompletableFuture<T> f, Duration timeout, String what) throws SshException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TransportException("timed out waiting for " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SshException s) {
                throw s;
            }
            throw new TransportException(what + " failed: " + c, c);
        }
    }

    /** Closes this connection's forwards (waiting, bounded, for their threads), then the connection. */
    @Override
    public void close() {
        Forwarding f;
        synchronized (this) {
            f = forwarding;
        }
        if (f != null) {
            f.close();
        }
        transport.disconnect(DisconnectReason.BY_APPLICATION, "disconnected by user");
    }

    @Override
    public String toString() {
        return "SshConnection[" + spec.displayName() + (isOpen() ? "" : ", closed") + "]";
    }
}
