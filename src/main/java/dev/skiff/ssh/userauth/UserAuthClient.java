package dev.skiff.ssh.userauth;

import dev.skiff.ssh.AuthenticationCancelledException;
import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.transport.MessageHandler;
import dev.skiff.ssh.transport.Transport;
import dev.skiff.ssh.wire.SshMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Client side of the user authentication protocol (RFC 4252): sends requests, waits for replies
 * and decodes each reply once, according to the request in progress ({@link AuthState}). The methods
 * live in {@link PublicKeyAuth}, {@link PasswordAuth} and {@link KeyboardInteractiveAuth}; the
 * whole conversation (order, limits, errors) in {@link Authenticator}.
 *
 * <p>Threads: the transport's reader thread only queues payloads ({@link #handle}); on
 * USERAUTH_SUCCESS it also tells the transport at once (delayed compression starts with the next
 * packet). Everything else, including banner delivery, runs on the one worker thread that calls
 * the blocking methods; each wait for a reply is bounded by the timeout. Calls from different
 * workers must be sequenced (e.g. through one executor); they are not meant to overlap.
 *
 * <p>It mirrors sshd's failure counter ({@link #failures()}, OpenSSH {@code auth2.c}
 * {@code userauth_finish}): a USERAUTH_FAILURE counts unless it reports partial success or answers
 * the very first request with method {@code none}. PK_OK, PASSWD_CHANGEREQ and INFO_REQUEST
 * postpone the decision and count nothing.
 */
public final class UserAuthClient implements MessageHandler {
    static final String SERVICE = "ssh-connection";
    private static final byte[] CLOSED = new byte[0];

    private final AuthTransport transport;
    private final String user;
    private final Duration timeout;
    private volatile BannerListener bannerListener;
    private final BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
    private final List<String> banners = new ArrayList<>();
    private final List<String> tried = new ArrayList<>();
    private final List<String> partial = new ArrayList<>();
    private volatile boolean authenticated;
    private volatile Throwable closedCause;
    private List<String> allowed = List.of();
    private AuthState state = AuthState.IDLE;
    private int requests;
    private int failures;

    /** A client for {@code transport}; it becomes the one {@link #attached} returns for it. */
    public UserAuthClient(Transport transport, String user, Duration timeout) {
        this(AuthTransport.of(transport), user, timeout, BannerListener.IGNORE);
        AttachedClients.put(transport, this);
    }

    /**
     * The client already handling {@code transport}'s authentication, or a new one. Authentication
     * state (failures counted by the server, whether {@code none} was sent, partial successes) is
     * per connection, so a second authenticate call on one connection must continue it: sshd
     * counts a second {@code none} as a failure.
     */
    static UserAuthClient attached(Transport transport, String user, Duration timeout) {
        return AttachedClients.get(transport, () -> new UserAuthClient(AuthTransport.of(transport), user, timeout,
                BannerListener.IGNORE));
    }

    public UserAuthClient(AuthTransport transport, String user, Duration timeout, BannerListener banners) {
        this.transport = transport;
        this.user = user;
        this.timeout = timeout;
        this.bannerListener = banners;
        transport.setMessageHandler(this);
    }

    /** Reader thread: queue the payload; on USERAUTH_SUCCESS switch the transport to authenticated. */
    @Override
    public void handle(int id, byte[] payload) throws ProtocolException {
        if (id == SshMessages.USERAUTH_SUCCESS && !authenticated) {
            UserauthSuccess.decode(payload);
            authenticated = true;
            transport.authenticated();
        } else if (id < SshMessages.USERAUTH_REQUEST || id > 79 || authenticated) {
            throw new ProtocolException("unexpected " + SshMessages.name(id) + " during user authentication");
        }
        replies.add(payload);
    }

    @Override
    public void closed(Throwable cause) {
        closedCause = cause;
        replies.add(CLOSED);
    }

    /** Sends {@code none}; returns true when that alone authenticates, else learns the allowed methods. */
    public boolean none() throws SshException {
        request("none", new byte[0], AuthState.NONE);
        return await() instanceof UserauthSuccess;
    }

    /** Public key authentication with a key pair in memory; see {@link #publicKey(Identity)}. */
    public boolean publicKey(SshKeyPair key) throws SshException {
        return publicKey(Identity.of(key, "key " + key.publicKey().sha256Fingerprint()));
    }

    /**
     * Public key authentication (RFC 4252 section 7) with any {@link Identity}: a query without
     * signature first, then the signed request if the server accepts the key. Returns true on
     * success, false when the server refuses the key.
     */
    public boolean publicKey(Identity key) throws SshException {
        return PublicKeyAuth.attempt(this, key) instanceof UserauthSuccess;
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    /** Methods the server allows, from its last USERAUTH_FAILURE. */
    public List<String> allowedMethods() {
        return allowed;
    }

    /** Methods that failed (distinct, in order), not counting {@code none}. */
    public List<String> triedMethods() {
        return List.copyOf(tried);
    }

    /** Methods accepted with partial success, in order. */
    public List<String> partialSuccesses() {
        return List.copyOf(partial);
    }

    /** Failures as the server counts them against its {@code MaxAuthTries}. */
    public int failures() {
        return failures;
    }

    /** Banners received so far (untrusted text: display with control characters made visible). */
    public synchronized List<String> banners() {
        return List.copyOf(banners);
    }

    /** An exception naming the user, host, what was tried and what the server allows. */
    public AuthenticationException failure() {
        return new AuthenticationException(AuthMessages.failed(user, transport.peer(), tried, allowed, ""), allowed);
    }

    String user() {
        return user;
    }

    /** Whether a request was sent already (the free initial {@code none} is used up). */
    boolean started() {
        return requests > 0;
    }

    void bannerListener(BannerListener listener) {
        this.bannerListener = listener;
    }

    AuthTransport transport() {
        return transport;
    }

    AuthenticationCancelledException cancelled(String host, String what) {
        state = AuthState.IDLE;
        return new AuthenticationCancelledException("Authentication for " + user + "@" + host + " cancelled at the "
                + what, allowed);
    }

    /** Sends USERAUTH_REQUEST for {@code method}; replies are then decoded for {@code next}. */
    void request(String method, byte[] fields, AuthState next) throws TransportException {
        send(new UserauthRequest(user, SERVICE, method, fields).encode(), next);
    }

    /** Sends a ready payload (requests holding secrets, INFO_RESPONSE); replies are decoded for {@code next}. */
    void send(byte[] payload, AuthState next) throws TransportException {
        if (payload[0] == SshMessages.USERAUTH_REQUEST) {
            requests++;
        }
        state = next;
        transport.send(payload);
    }

    /** Waits for the next reply (delivering banners meanwhile) and decodes it for the current state. */
    AuthReply await() throws SshException {
        AuthState s = state;
        AuthReply reply = s.decode(next());
        if (reply instanceof UserauthSuccess) {
            state = AuthState.AUTHENTICATED;
        } else if (reply instanceof UserauthFailure f) {
            allowed = f.methods();
            String method = s.method();
            if (f.partialSuccess()) {
                partial.add(method);
            } else if (s != AuthState.NONE || requests > 1) {
                failures++;
            }
            if (s != AuthState.NONE && !f.partialSuccess() && !tried.contains(method)) {
                tried.add(method);
            }
            state = AuthState.IDLE;
        }
        return reply;
    }

    /** Next reply that is not a banner; bounded by the timeout. Banners go to the listener here. */
    private byte[] next() throws SshException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            byte[] r;
            try {
                r = replies.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted during user authentication", e);
            }
            if (r == null) {
                transport.close();
                throw new TransportException("timed out after " + timeout.toMillis() + " ms waiting for the server's"
                        + " authentication reply");
            }
            if (r == CLOSED) {
                Throwable c = closedCause;
                throw c instanceof SshException s ? s : new TransportException("connection closed during authentication", c);
            }
            if (r[0] == SshMessages.USERAUTH_BANNER) {
                String text = UserauthBanner.decode(r).message();
                synchronized (this) {
                    banners.add(text);
                }
                bannerListener.banner(text);
                continue;
            }
            return r;
        }
    }
}
