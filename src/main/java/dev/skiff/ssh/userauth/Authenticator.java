package dev.skiff.ssh.userauth;

import dev.skiff.ssh.AuthMethodNotAllowedException;
import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.PartialAuthenticationException;
import dev.skiff.ssh.PeerDisconnectedException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.transport.Transport;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole user authentication conversation (RFC 4252) from an {@link AuthenticationPlan}:
 * {@code none} first (RFC 4252 section 5.2: learns the allowed methods; may succeed alone), then
 * repeatedly the first method of {@link AuthenticationPlan#preferredMethods()} that the server
 * allows and that still has something to try: the next identity, another password prompt (up to
 * NumberOfPasswordPrompts), another keyboard-interactive attempt (same limit). After a partial
 * success (RFC 4252 section 5.1; OpenSSH {@code AuthenticationMethods publickey,password}) the
 * prompt counters restart and the methods the server now lists are tried.
 *
 * <p>MaxAuthTries: sshd ({@code auth2.c userauth_finish}) counts every USERAUTH_FAILURE except a
 * partial success and the reply to an initial {@code none}; a publickey query answered by PK_OK and
 * intermediate PASSWD_CHANGEREQ / INFO_REQUEST messages count nothing. When the count reaches
 * MaxAuthTries it disconnects instead of replying. So we never start a counted attempt when
 * {@code failures == maxAuthTries - 1}: the connection stays usable and the report is ours. This
 * costs one attempt compared with {@code ssh}, which instead gets disconnected; if the server's
 * limit is lower than assumed, its disconnect is still reported as an {@link AuthenticationException}.
 *
 * <p>Blocking; runs on the calling worker thread, which also runs the SPIs. Credentials must only
 * be sent on a connection whose host key was verified ({@code SshClient.connect} does that).
 */
public final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final UserAuthClient client;
    private final AuthenticationPlan plan;
    private final String host;
    private int nextIdentity;
    private int passwordPrompts;
    private int keyboardInteractiveAttempts;

    private Authenticator(UserAuthClient client, AuthenticationPlan plan, String host) {
        this.client = client;
        this.plan = plan;
        this.host = host;
        client.bannerListener(plan.bannerListener());
    }

    /**
     * Authenticates {@code plan.user()} at {@code host} (used in prompts and messages).
     *
     * @param timeout bound for each wait for a server reply (not for the user's typing)
     * @throws AuthenticationCancelledException when an SPI cancels
     * @throws AuthMethodNotAllowedException when the server allows nothing the plan can try
     * @throws PartialAuthenticationException when a chain was started but not completed
     * @throws AuthenticationException otherwise, naming what was tried and what the server allows
     * @throws TransportException when the connection fails or a reply times out
     */
    public static void authenticate(AuthTransport transport, Duration timeout, AuthenticationPlan plan, String host)
            throws SshException {
        run(new UserAuthClient(transport, plan.user(), timeout, plan.bannerListener()), plan, host);
    }

    /**
     * Authenticates on {@code transport}, continuing what earlier calls on the same connection did
     * (no second {@code none}, which sshd would count; the server's failure count carries over), so
     * that a front end can try keys first and ask for a password afterwards. Waits for each reply
     * up to the transport's request timeout. Returns at once if already authenticated. The user
     * cannot change within one connection (sshd disconnects): that is an AuthenticationException.
     */
    public static void authenticate(Transport transport, AuthenticationPlan plan, String host) throws SshException {
        UserAuthClient c = UserAuthClient.attached(transport, plan.user(), transport.config().requestTimeout());
        if (!c.user().equals(plan.user())) {
            throw new AuthenticationException("Cannot authenticate as " + plan.user() + "@" + host + " on a connection that began"
                    + " authenticating as " + c.user() + " (the server would disconnect); reconnect", c.allowedMethods());
        }
        run(c, plan, host);
    }

    /** Runs {@code plan} on {@code client}, continuing its conversation. */
    static void run(UserAuthClient client, AuthenticationPlan plan, String host) throws SshException {
        new Authenticator(client, plan, host).run();
    }

    private void run() throws SshException {
        try {
            if (client.isAuthenticated() || !client.started() && client.none()) {
                return;
            }
            while (true) {
                String method = nextMethod();
                if (method == null) {
                    throw outOfMethods();
                }
                if (client.failures() >= plan.maxAuthTries() - 1) {
                    throw new AuthenticationException(message(" (stopped after " + client.failures()
                            + " failed attempts: one more would reach the server's MaxAuthTries of " + plan.maxAuthTries()
                            + ")"), client.allowedMethods());
                }
                int partials = client.partialSuccesses().size();
                if (attempt(method) instanceof UserauthSuccess) {
                    return;
                }
                if (client.partialSuccesses().size() > partials) {
                    passwordPrompts = 0;
                    keyboardInteractiveAttempts = 0;
                }
            }
        } catch (PeerDisconnectedException e) {
            AuthenticationException a = new AuthenticationException(message("; then the server disconnected: "
                    + e.getMessage()), client.allowedMethods());
            a.initCause(e);
            throw a;
        }
    }

    /** The first preferred method the server allows that still has something to try, or null. */
    private String nextMethod() {
        for (String m : plan.preferredMethods()) {
            if (client.allowedMethods().contains(m) && plan.canTry(m) && hasMore(m)) {
                return m;
            }
        }
        return null;
    }

    private boolean hasMore(String method) {
        switch (method) {
            case "publickey":
                return nextIdentity < plan.identities().size();
            case "password":
                return passwordPrompts < plan.numberOfPasswordPrompts();
            case "keyboard-interactive":
                return keyboardInteractiveAttempts < plan.numberOfPasswordPrompts();
            default:
                return false;
        }
    }

    private AuthReply attempt(String method) throws SshException {
        switch (method) {
            case "publickey":
                Identity id = plan.identities().get(nextIdentity++);
                try {
                    return PublicKeyAuth.attempt(client, id);
                } catch (TransportException | AuthenticationException e) {
                    throw e;
                } catch (SshException e) {
                    // like ssh: a key that cannot sign (agent refused, unsupported type) is skipped
                    LOG.debug("skipping {}: {}", id.description(), e.getMessage());
                    return null;
                }
            case "password":
                char[] password = plan.passwordProvider().password(plan.user(), host, ++passwordPrompts);
                if (password == null) {
                    throw client.cancelled(host, "password prompt");
                }
                try {
                    return PasswordAuth.attempt(client, password, plan.passwordProvider(), host);
                } finally {
                    Secrets.wipe(password);
                }
            case "keyboard-interactive":
                keyboardInteractiveAttempts++;
                return KeyboardInteractiveAuth.attempt(client, plan.keyboardInteractiveHandler(), host);
            default:
                throw new IllegalStateException("unsupported method " + method);
        }
    }

    private AuthenticationException outOfMethods() {
        List<String> allowed = client.allowedMethods();
        List<String> partial = client.partialSuccesses();
        if (!partial.isEmpty()) {
            return new PartialAuthenticationException(message(" (partial success with " + String.join(", ", partial)
                    + "; the server requires more)"), allowed, partial);
        }
        if (client.triedMethods().isEmpty()) {
            return new AuthMethodNotAllowedException("Authentication failed for " + plan.user() + "@" + host
                    + ": the server allows " + AuthMessages.allowedText(allowed) + ", and nothing to try was given for"
                    + " those methods (publickey needs identities, password a password provider, keyboard-interactive"
                    + " a handler; preferred: " + String.join(",", plan.preferredMethods()) + ")", allowed);
        }
        return new AuthenticationException(message(""), allowed);
    }

    private String message(String detail) {
        return AuthMessages.failed(plan.user(), host, client.triedMethods(), client.allowedMethods(), detail);
    }
}
