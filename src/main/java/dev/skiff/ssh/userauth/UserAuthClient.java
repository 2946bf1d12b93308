package dev.skiff.ssh.userauth;

import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.KeyFormatException;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.transport.MessageHandler;
import dev.skiff.ssh.transport.Transport;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Client side of the user authentication protocol (RFC 4252) for the {@code none} and
 * {@code publickey} methods. Blocking; call from a worker thread. Replies arrive from the
 * reader thread through {@link #handle}; USERAUTH_SUCCESS tells the transport at once (delayed
 * compression starts with the next packet). Banners are collected, never interpreted.
 */
public final class UserAuthClient implements MessageHandler {
    static final String SERVICE = "ssh-connection";
    private static final byte[] CLOSED = new byte[0];

    private final Transport transport;
    private final String user;
    private final Duration timeout;
    private final BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
    private final List<String> banners = new ArrayList<>();
    private final List<String> tried = new ArrayList<>();
    private volatile boolean authenticated;
    private volatile Throwable closedCause;
    private List<String> allowed = List.of();

    public UserAuthClient(Transport transport, String user, Duration timeout) {
        this.transport = transport;
        this.user = user;
        this.timeout = timeout;
        transport.setMessageHandler(this);
    }

    @Override
    public void handle(int id, byte[] payload) throws ProtocolException {
        if (id == SshMessages.USERAUTH_SUCCESS) {
            if (payload.length != 1) {
                throw new ProtocolException("malformed USERAUTH_SUCCESS");
            }
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
        send("none", new byte[0]);
        return awaitOutcome("none") == null;
    }

    /**
     * Public key authentication (RFC 4252 section 7): a query without signature first, then the
     * signed request if the server accepts the key. Returns true on success, false when the
     * server refuses the key.
     */
    public boolean publicKey(SshKeyPair key) throws SshException {
        return publicKey(Identity.of(key, "key " + key.publicKey().sha256Fingerprint()));
    }

    /** Public key authentication with any {@link Identity} (a key file, an agent key). */
    public boolean publicKey(Identity key) throws SshException {
        String alg = algorithmFor(key.publicKey().keyType());
        byte[] blob = key.publicKey().blob();
        send("publickey", new WireWriter().bool(false).utf8(alg).string(blob).toByteArray());
        byte[] reply = next();
        if (reply[0] == SshMessages.USERAUTH_FAILURE) {
            allowed = UserauthFailure.decode(reply).methods();
            tried.add("publickey");
            return false;
        }
        if (reply[0] != SshMessages.USERAUTH_PK_OK) {
            throw new ProtocolException("unexpected " + SshMessages.name(reply[0] & 0xff) + " to a public key query");
        }
        UserauthPkOk ok = UserauthPkOk.decode(reply);
        if (!ok.algorithm().equals(alg) || !java.util.Arrays.equals(ok.publicKey(), blob)) {
            throw new ProtocolException("USERAUTH_PK_OK for another key");
        }
        byte[] signed = new WireWriter(512).string(transport.sessionId()).byteValue(SshMessages.USERAUTH_REQUEST).utf8(user)
                .utf8(SERVICE).utf8("publickey").bool(true).utf8(alg).string(blob).toByteArray();
        byte[] signature;
        try {
            signature = key.sign(SignatureAlgorithm.byName(alg).orElseThrow(), signed);
        } catch (KeyFormatException e) {
            throw new SshException("signing with " + key.description() + " failed: " + e.getMessage(), e);
        }
        send("publickey", new WireWriter(1024).bool(true).utf8(alg).string(blob).string(signature).toByteArray());
        return awaitOutcome("publickey") == null;
    }

    /** rsa-sha2-512 / -256 when the server lists them in server-sig-algs (RFC 8332 3.3), else the key type. */
    String algorithmFor(String keyType) {
        if (!keyType.equals("ssh-rsa")) {
            return keyType;
        }
        List<String> sigAlgs = transport.serverSigAlgs();
        for (String a : List.of("rsa-sha2-512", "rsa-sha2-256")) {
            if (sigAlgs.contains(a)) {
                return a;
            }
        }
        return "ssh-rsa";
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    /** Methods the server allows, from its last USERAUTH_FAILURE. */
    public List<String> allowedMethods() {
        return allowed;
    }

    /** Banners received so far (untrusted text: display with control characters made visible). */
    public synchronized List<String> banners() {
        return List.copyOf(banners);
    }

    /** An exception naming the user, host, what was tried and what the server allows. */
    public AuthenticationException failure() {
        return new AuthenticationException("Authentication failed for " + user + "@" + transport.peer() + ": tried "
                + (tried.isEmpty() ? "nothing" : String.join(", ", tried)) + "; the server allows "
                + (allowed.isEmpty() ? "nothing more" : String.join(", ", allowed)), allowed);
    }

    private void send(String method, byte[] fields) throws TransportException {
        transport.send(new UserauthRequest(user, SERVICE, method, fields).encode());
    }

    /** Returns null on success, or the failure. */
    private UserauthFailure awaitOutcome(String method) throws SshException {
        byte[] reply = next();
        if (reply[0] == SshMessages.USERAUTH_SUCCESS) {
            return null;
        }
        if (reply[0] != SshMessages.USERAUTH_FAILURE) {
            throw new ProtocolException("unexpected " + SshMessages.name(reply[0] & 0xff) + " after a " + method + " request");
        }
        UserauthFailure f = UserauthFailure.decode(reply);
        allowed = f.methods();
        if (!method.equals("none")) {
            tried.add(method);
        }
        return f;
    }

    /** Next reply that is not a banner; bounded by the timeout. */
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
                synchronized (this) {
                    banners.add(UserauthBanner.decode(r).message());
                }
                continue;
            }
            return r;
        }
    }
}
