package dev.skiff.ssh.x11;

import dev.skiff.ssh.ChannelOpenFailedException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.ConnectionService;
import dev.skiff.ssh.connection.SessionChannel;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * X11 forwarding, client side (RFC 4254 section 6.3; OpenSSH's {@code ssh -X / -Y}). {@link #enable}
 * reads the display's real cookie with {@code xauth list}, sends {@code x11-req} with a random fake
 * cookie of the same protocol and length, and from then on accepts the server's {@code x11}
 * channels: each one's connection setup must carry a fake cookie of a session that asked (else the
 * channel is closed), the real cookie is put in its place, and the channel is bridged to the local
 * display. The real cookie never leaves this machine.
 *
 * <p>Trusted and untrusted: trusted forwarding ({@code -Y}) substitutes the display's own cookie;
 * untrusted ({@code -X} with {@code ForwardX11Trusted no}) first has the X server generate an
 * untrusted cookie ({@code xauth generate ... untrusted timeout 1200}, so remote clients get the
 * SECURITY extension's restrictions) and refuses new X11 connections once that timeout has
 * passed, like OpenSSH's ForwardX11Timeout. Debian's ssh (and {@code skiff ssh}) default to
 * ForwardX11Trusted yes, so plain {@code -X} is trusted there. Trusted remote X clients can watch
 * and inject input on the local display: forward X11 only to hosts you trust.
 *
 * <p>Threads: {@link #enable} blocks (xauth, one round trip) and must not run on the reader
 * thread; channel opens are confirmed on the reader thread and served on named daemon threads.
 */
public final class X11Forwarding {
    private static final Logger LOG = LoggerFactory.getLogger(X11Forwarding.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Map<ConnectionService, List<Forwarded>> SESSIONS = Collections.synchronizedMap(new WeakHashMap<>());

    /** One session's forwarded display: where to connect, what the server gets, what the display wants. */
    private record Forwarded(SessionChannel session, X11Display display, X11Cookie fake, X11Cookie real,
            long refuseAfterNanos) {
        boolean expired() {
            return System.nanoTime() - refuseAfterNanos > 0;
        }
    }

    /** OpenSSH's ForwardX11Timeout default: lifetime of an untrusted cookie. */
    public static final Duration UNTRUSTED_TIMEOUT = Duration.ofMinutes(20);

    private X11Forwarding() {
    }

    /**
     * Asks the server to forward X11 for {@code session} (call before its shell or exec) to
     * {@code display} (a DISPLAY value), using the default xauth and authority file.
     *
     * @return whether the server accepted
     * @throws IllegalArgumentException if {@code display} cannot be parsed
     */
    public static boolean enable(SshConnection connection, SessionChannel session, String display, boolean trusted)
            throws SshException {
        return enable(connection, session, display, trusted, new Xauth(Xauth.DEFAULT_LOCATION, null));
    }

    /**
     * As {@link #enable(SshConnection, SessionChannel, String, boolean)} with a given {@link Xauth}
     * (program and authority file). Without a cookie for the display (no xauth, no entry) the fake
     * cookie is passed on unchanged, as OpenSSH does; the X server then decides.
     */
    public static boolean enable(SshConnection connection, SessionChannel session, String display, boolean trusted,
            Xauth xauth) throws SshException {
        X11Display d = X11Display.parse(display);
        X11Cookie real = realCookie(xauth, d, trusted).orElse(null);
        if (real == null) {
            LOG.warn("No xauth data for {}; using fake authentication data for X11 forwarding.", d);
            real = X11Cookie.random(X11Cookie.MIT_MAGIC_COOKIE, 16);
        }
        X11Cookie fake = real.fake();
        ConnectionService svc = connection.connectionService();
        List<Forwarded> list;
        synchronized (SESSIONS) {
            list = SESSIONS.computeIfAbsent(svc, k -> new CopyOnWriteArrayList<>());
        }
        long refuseAfter = System.nanoTime() + (trusted ? Long.MAX_VALUE / 2 : UNTRUSTED_TIMEOUT.toNanos());
        Forwarded f = new Forwarded(session, d, fake, real, refuseAfter);
        list.add(f);
        session.closedFuture().whenComplete((v, e) -> {
            list.remove(f);
            f.real().wipe();
        });
        svc.onChannelOpen(X11OpenData.CHANNEL_TYPE, (c, open) -> accept(c, open, list));
        X11Request req = new X11Request(false, fake.protocol(), fake.hex(), d.screen());
        boolean ok = session.requestAndWait("x11-req", req.encode(), svc.config().requestTimeout());
        if (!ok) {
            list.remove(f);
        }
        LOG.debug("X11 forwarding to {} ({}) {}", d, trusted ? "trusted" : "untrusted",
                ok ? "accepted" : "refused");
        return ok;
    }

    private static Optional<X11Cookie> realCookie(Xauth xauth, X11Display d, boolean trusted) {
        if (!xauth.available()) {
            return Optional.empty();
        }
        try {
            if (!trusted) {
                return xauth.generateUntrusted(d.xauthName(), UNTRUSTED_TIMEOUT);
            }
            return xauth.list(d.xauthName());
        } catch (IOException e) {
            LOG.warn("{}: xauth key data not generated for {}: {}", trusted ? "X11 forwarding" : "Untrusted X11 forwarding setup failed",
                    d, e.getMessage());
            return Optional.empty();
        }
    }

    /** A channel carrying one X client's connection. */
    private static final class X11Channel extends Channel {
        X11Channel(ConnectionService c) {
            super(c, X11OpenData.CHANNEL_TYPE, c.config().window(), c.config().maxPacket());
        }
    }

    private static Channel accept(ConnectionService c, dev.skiff.ssh.connection.ChannelMessage.Open open,
            List<Forwarded> list) throws SshException {
        X11OpenData origin = X11OpenData.decode(open.data());
        if (list.isEmpty()) {
            throw new ChannelOpenFailedException(ChannelOpenFailedException.ADMINISTRATIVELY_PROHIBITED,
                    "X11 forwarding was not requested");
        }
        X11Channel ch = new X11Channel(c);
        c.confirm(ch, open);
        String name = "skiff-x11-" + THREADS.incrementAndGet();
        start(name, () -> serve(ch, list, origin, name));
        return ch;
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void serve(X11Channel ch, List<Forwarded> list, X11OpenData origin, String name) {
        SocketChannel socket = null;
        try {
            X11Setup setup = X11Setup.read(ch.inputStream());
            byte[] rewritten = null;
            X11Display display = null;
            for (Forwarded f : list) {
                if (f.expired()) {
                    continue;
                }
                try {
                    rewritten = setup.substitute(f.fake(), f.real());
                    display = f.display();
                    break;
                } catch (X11Setup.RefusedException e) {
                    // try the next session's cookie
                }
            }
            if (rewritten == null) {
                LOG.warn("X11 connection from {}:{} rejected because of wrong authentication (or an expired untrusted cookie).",
                        origin.originatorAddress(), origin.originatorPort());
                ch.close();
                return;
            }
            socket = display.connect();
            X11Bridge.writeFully(socket, rewritten);
            java.util.Arrays.fill(rewritten, (byte) 0);
            X11Bridge.run(ch, socket, X11Forwarding::start, name);
        } catch (IOException e) {
            LOG.warn("X11 connection from {}:{} failed: {}", origin.originatorAddress(), origin.originatorPort(),
                    e.getMessage());
            if (socket != null) {
                X11Bridge.closeQuietly(socket);
            }
            ch.close();
        }
    }
}
