package dev.skiff.ssh.server;

import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.keys.SshPublicKey;
import dev.skiff.ssh.transport.Transport;
import dev.skiff.ssh.userauth.UserauthBanner;
import dev.skiff.ssh.userauth.UserauthFailure;
import dev.skiff.ssh.userauth.UserauthInfoRequest;
import dev.skiff.ssh.userauth.UserauthInfoResponse;
import dev.skiff.ssh.userauth.UserauthPkOk;
import dev.skiff.ssh.userauth.UserauthRequest;
import dev.skiff.ssh.userauth.UserauthSuccess;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server side of user authentication (RFC 4252, keyboard-interactive RFC 4256): one state
 * machine, run on the connection's handler thread with messages from {@link ServerDispatcher}.
 * Failures are counted like sshd (not the first {@code none}, not partial successes, not a
 * publickey query answered with PK_OK); the one that reaches MaxAuthTries disconnects with "Too
 * many authentication failures". USERAUTH_FAILURE lists only the methods still allowed. The user
 * and service may not change between requests.
 */
final class ServerAuth {
    static final String SERVICE = "ssh-connection";

    enum State { AWAIT_REQUEST, AWAIT_INFO_RESPONSE, DONE }

    private final Transport transport;
    private final ServerPolicy policy;
    private final ServerLimits limits;
    private final ServerDispatcher inbox;
    private final java.util.function.Consumer<String> beforeSuccess;
    private final List<String> completed = new ArrayList<>();
    private State state = State.AWAIT_REQUEST;
    private String user;
    private int attempts;
    private int failures;
    private boolean bannerSent;

    /** {@code beforeSuccess} gets the user name just before USERAUTH_SUCCESS is sent (set up channels there). */
    ServerAuth(Transport transport, ServerPolicy policy, ServerLimits limits, ServerDispatcher inbox,
            java.util.function.Consumer<String> beforeSuccess) {
        this.beforeSuccess = beforeSuccess;
        this.transport = transport;
        this.policy = policy;
        this.limits = limits;
        this.inbox = inbox;
    }

    /**
     * Runs until the user is authenticated (returns the user name) or the connection ends. Blocks
     * until {@code deadlineNanos} (System.nanoTime based: LoginGraceTime) at most.
     *
     * @throws AuthenticationException after disconnecting (grace time, too many failures)
     */
    String run(long deadlineNanos) throws SshException, InterruptedException {
        while (state != State.DONE) {
            byte[] p;
            try {
                p = inbox.nextAuthMessage(deadlineNanos - System.nanoTime());
            } catch (java.io.EOFException e) {
                throw new AuthenticationException("connection from " + transport.peer() + " closed during authentication", List.of());
            }
            if (p == null) {
                throw disconnect(DisconnectReason.PROTOCOL_ERROR, "Login grace time exceeded");
            }
            int id = p[0] & 0xff;
            switch (state) {
                case AWAIT_REQUEST -> {
                    expect(id == SshMessages.USERAUTH_REQUEST, id);
                    onRequest(UserauthRequest.decode(p));
                }
                case AWAIT_INFO_RESPONSE -> {
                    if (id == SshMessages.USERAUTH_REQUEST) {
                        state = State.AWAIT_REQUEST; // the client gave up this keyboard-interactive attempt
                        finish("keyboard-interactive", AuthResult.FAILURE);
                        onRequest(UserauthRequest.decode(p));
                    } else {
                        expect(id == SshMessages.USERAUTH_INFO_RESPONSE, id);
                        onInfoResponse(UserauthInfoResponse.decode(p));
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return user;
    }

    private void expect(boolean ok, int id) throws SshException {
        if (!ok) {
            throw disconnect(DisconnectReason.PROTOCOL_ERROR, SshMessages.name(id) + " not expected during authentication");
        }
    }

    private AuthContext context() {
        return new AuthContext(user, transport.peer(), transport.clientVersion(), completed);
    }

    private void onRequest(UserauthRequest r) throws SshException, InterruptedException {
        if (user == null) {
            user = r.user();
        }
        if (!user.equals(r.user()) || !SERVICE.equals(r.service())) {
            throw disconnect(DisconnectReason.PROTOCOL_ERROR, "Change of username or service not allowed");
        }
        attempts++;
        AuthContext ctx = context();
        if (!bannerSent) {
            bannerSent = true;
            String banner = policy.banner(ctx);
            if (banner != null) {
                transport.send(new UserauthBanner(banner, "").encode());
            }
        }
        if (!r.method().equals("none") && !policy.allowedMethods(ctx).contains(r.method())) {
            finish(r.method(), AuthResult.FAILURE);
            return;
        }
        switch (r.method()) {
            case "none" -> finish("none", policy.checkNone(ctx));
            case "password" -> password(ctx, r.methodFields());
            case "publickey" -> publicKey(ctx, PublicKeyCheck.decode(r.methodFields()));
            case "keyboard-interactive" -> startInteractive(ctx, r.methodFields());
            default -> finish(r.method(), AuthResult.FAILURE);
        }
    }

    private void password(AuthContext ctx, byte[] fields) throws SshException, InterruptedException {
        WireReader r = new WireReader(fields);
        boolean change = r.bool();
        char[] password = ServerSecrets.decodeAndWipe(r.string());
        if (change) {
            java.util.Arrays.fill(r.string(), (byte) 0); // new password: changing is not supported
        }
        java.util.Arrays.fill(fields, (byte) 0);
        r.expectEnd();
        AuthResult result;
        try {
            result = change || password == null ? AuthResult.FAILURE : policy.checkPassword(ctx, password);
        } finally {
            ServerSecrets.wipe(password);
        }
        delayIfFailed(result);
        finish("password", result);
    }

    private void publicKey(AuthContext ctx, PublicKeyCheck pk) throws SshException {
        SshPublicKey key = pk.key();
        if (key == null) {
            finish("publickey", AuthResult.FAILURE);
        } else if (!pk.signed()) {
            if (policy.isPublicKeyAcceptable(ctx, key)) {
                transport.send(new UserauthPkOk(pk.algorithm(), pk.blob()).encode());
            } else {
                finish("publickey", AuthResult.FAILURE);
            }
        } else if (pk.verify(key, transport.sessionId(), user, SERVICE)) {
            finish("publickey", policy.checkPublicKey(ctx, key));
        } else {
            finish("publickey", AuthResult.FAILURE);
        }
    }

    private void startInteractive(AuthContext ctx, byte[] fields) throws SshException {
        WireReader r = new WireReader(fields);
        r.string(); // language tag, deprecated (RFC 4256 section 3.1)
        String submethods = r.utf8();
        r.expectEnd();
        InteractiveChallenge c = policy.startKeyboardInteractive(ctx, submethods);
        if (c == null) {
            finish("keyboard-interactive", AuthResult.FAILURE);
        } else {
            ask(c);
        }
    }

    private void ask(InteractiveChallenge c) throws SshException {
        state = State.AWAIT_INFO_RESPONSE;
        transport.send(new UserauthInfoRequest(c.name(), c.instruction(), "", c.prompts()).encode());
    }

    private void onInfoResponse(UserauthInfoResponse response) throws SshException, InterruptedException {
        InteractiveStep step;
        try {
            step = policy.answerKeyboardInteractive(context(), response.responses());
        } finally {
            response.wipe();
        }
        if (!step.isFinal()) {
            ask(step.challenge());
            return;
        }
        state = State.AWAIT_REQUEST;
        delayIfFailed(step.result());
        finish("keyboard-interactive", step.result());
    }

    private void delayIfFailed(AuthResult result) throws InterruptedException {
        long ms = limits.failureDelay().toMillis();
        if (result == AuthResult.FAILURE && ms > 0) {
            Thread.sleep(ms + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
        }
    }

    private void finish(String method, AuthResult result) throws SshException {
        switch (result) {
            case SUCCESS -> {
                state = State.DONE;
                beforeSuccess.accept(user);
                inbox.authenticated();
                transport.sendAuthSuccess(new UserauthSuccess().encode());
            }
            case PARTIAL -> {
                completed.add(method);
                transport.send(new UserauthFailure(policy.allowedMethods(context()), true).encode());
            }
            case FAILURE -> {
                if (!(method.equals("none") && attempts == 1)) {
                    failures++;
                }
                if (failures >= limits.maxAuthTries()) {
                    throw disconnect(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE,
                            "Too many authentication failures for " + user);
                }
                transport.send(new UserauthFailure(policy.allowedMethods(context()), false).encode());
            }
            default -> throw new IllegalStateException(result.name());
        }
    }

    private AuthenticationException disconnect(DisconnectReason reason, String text) {
        transport.disconnect(reason, text);
        return new AuthenticationException(transport.peer() + ": " + text, List.of());
    }

    /** Methods that succeeded partially, then the last one (after {@link #run} returned). */
    List<String> completedMethods() {
        return List.copyOf(completed);
    }
}
