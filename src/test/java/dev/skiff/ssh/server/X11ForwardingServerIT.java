package dev.skiff.ssh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.x11.X11OpenData;
import dev.skiff.ssh.x11.X11Request;
import dev.skiff.ssh.x11.XvfbDisplay;
import dev.skiff.testing.Peers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skiff's server forwards X11 to OpenSSH's {@code ssh -X}: an X client run in the session
 * (xdpyinfo) reaches the client's Xvfb through DISPLAY=localhost:N (N &ge; 10), the per-session
 * XAUTHORITY and {@code x11} channels; a wrong cookie is refused by ssh without harm; the policy
 * can refuse x11-req; the single-connection flag closes the display after one connection.
 */
class X11ForwardingServerIT {
    @TempDir
    Path dir;
    private ServerFixture fx;
    private XvfbDisplay xvfb;

    @BeforeEach
    void start() throws Exception {
        Peers.requirePeer("/usr/bin/ssh");
        xvfb = XvfbDisplay.start(dir, 1234, 567);
        fx = new ServerFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
        if (xvfb != null) {
            xvfb.close();
        }
    }

    private ServerFixture.Result sshX(String command) throws Exception {
        return fx.run(fx.ssh("-X", "127.0.0.1", command), "DISPLAY", xvfb.display(), "XAUTHORITY",
                xvfb.authority().toString());
    }

    @Test
    void openSshClientDisplaysThroughSkiffServer() throws Exception {
        fx.allowX11 = true;
        ServerFixture.Result r = sshX("echo \"display=$DISPLAY\"; echo \"auth=$XAUTHORITY\"; xdpyinfo | grep dimensions; "
                + "echo status=$?");
        assertTrue(r.out().contains("dimensions:    1234x567 pixels"), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*display=localhost:([1-9]\\d+)\\.0\n.*"), r.out());
        int n = Integer.parseInt(r.out().replaceAll("(?s).*display=localhost:(\\d+)\\.0\n.*", "$1"));
        assertTrue(n >= 10, r.out());
        assertTrue(r.out().contains("status=0"), r.out());
        String auth = r.out().replaceAll("(?s).*auth=([^\n]*)\n.*", "$1");
        assertFalse(auth.isEmpty(), r.out());
        long deadline = System.currentTimeMillis() + 10_000;
        while (java.nio.file.Files.exists(Path.of(auth)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(java.nio.file.Files.exists(Path.of(auth)), "the session's authority file is removed");
    }

    @Test
    void wrongCookieIsRefusedAndTheNextClientStillWorks() throws Exception {
        fx.allowX11 = true;
        ServerFixture.Result r = sshX("W=$(mktemp); xauth -q -f \"$W\" add \"unix:${DISPLAY#localhost:}\" "
                + "MIT-MAGIC-COOKIE-1 00112233445566778899aabbccddeeff; XAUTHORITY=$W xdpyinfo >/dev/null 2>&1; "
                + "echo wrong=$?; rm -f \"$W\"; xdpyinfo | grep dimensions");
        assertTrue(r.out().contains("wrong=1"), r.out() + r.err());
        assertTrue(r.out().contains("dimensions:    1234x567 pixels"), r.out() + r.err());
    }

    @Test
    void refusedWhenThePolicySaysNo() throws Exception {
        fx.allowX11 = false;
        ServerFixture.Result r = sshX("echo \"display=${DISPLAY:-none}\"");
        assertTrue(r.out().contains("display=none"), r.out() + r.err());
        assertEquals(0, r.exit(), r.err());
    }

    private static ServerPolicy skiffPolicy(java.nio.file.Path xauth) {
        return new ServerPolicy() {
            @Override
            public java.util.List<String> allowedMethods(AuthContext ctx) {
                return java.util.List.of("password");
            }

            @Override
            public AuthResult checkPassword(AuthContext ctx, char[] password) {
                return AuthResult.SUCCESS;
            }

            @Override
            public boolean allowSession(String user) {
                return true;
            }

            @Override
            public boolean allowX11Forwarding(String user) {
                return true;
            }

            @Override
            public java.nio.file.Path xauthLocation() {
                return xauth;
            }

            @Override
            public ServerCommand exec(SessionInfo session, String command) {
                return SystemCommands.exec(session, command);
            }
        };
    }

    private String skiffToSkiff(boolean trusted, java.nio.file.Path serverXauth, String command) throws Exception {
        try (SshServer server = SshServer.builder().addServerKey(dev.skiff.ssh.keys.SshKeyGenerator.generate("ssh-ed25519", 0))
                .policy(skiffPolicy(serverXauth)).build()) {
            server.listen(new java.net.InetSocketAddress("127.0.0.1", 0));
            try (SshConnection c = SshServerTest.connect(server)) {
                c.authenticatePassword("anyone", "pw".toCharArray());
                SessionChannel s = c.openSession();
                assertTrue(dev.skiff.ssh.x11.X11Forwarding.enable(c, s, xvfb.display(), trusted,
                        new dev.skiff.ssh.x11.Xauth(java.nio.file.Path.of(XvfbDisplay.XAUTH), xvfb.authority())));
                s.exec(command);
                s.stdin().close();
                String out = new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8);
                s.close();
                return out;
            }
        }
    }

    /** Untrusted (ssh -X with ForwardX11Trusted no): the X server's generated cookie, SECURITY restrictions. */
    @Test
    void skiffClientThroughSkiffServerUntrusted() throws Exception {
        String out = skiffToSkiff(false, java.nio.file.Path.of(XvfbDisplay.XAUTH), "xdpyinfo 2>&1 | grep dimensions");
        assertTrue(out.contains("dimensions:    1234x567 pixels"), out);
    }

    @Test
    void skiffClientThroughSkiffServerTrusted() throws Exception {
        String out = skiffToSkiff(true, java.nio.file.Path.of(XvfbDisplay.XAUTH), "xdpyinfo 2>&1 | grep dimensions");
        assertTrue(out.contains("dimensions:    1234x567 pixels"), out);
    }

    /** Without xauth on the server the display is still forwarded, but X clients have no cookie to show. */
    @Test
    void missingXauthStillForwardsWithoutACookie() throws Exception {
        String out = skiffToSkiff(true, dir.resolve("no-such-xauth"), "echo \"display=$DISPLAY\"; "
                + "test -e \"$XAUTHORITY\" && echo file=yes || echo file=no; xdpyinfo >/dev/null 2>&1; echo status=$?");
        assertTrue(out.contains("display=localhost:"), out);
        assertTrue(out.contains("file=no"), out);
        assertTrue(out.contains("status=1"), out);
    }

    /** Skiff's client sends x11-req with single-connection; a second connection to the display is refused. */
    @Test
    void singleConnectionClosesTheDisplayAfterTheFirst() throws Exception {
        fx.allowX11 = true;
        Peers.requirePeer("/bin/bash");
        AtomicInteger opens = new AtomicInteger();
        try (SshConnection c = SshServerTest.connect(fx.server)) {
            c.authenticatePassword("alice", "secret".toCharArray());
            c.connectionService().onChannelOpen(X11OpenData.CHANNEL_TYPE, (svc, open) -> {
                X11OpenData.decode(open.data());
                opens.incrementAndGet();
                Channel ch = new Channel(svc, X11OpenData.CHANNEL_TYPE, svc.config().window(), svc.config().maxPacket()) { };
                svc.confirm(ch, open);
                return ch;
            });
            SessionChannel s = c.openSession();
            assertTrue(s.requestAndWait("x11-req",
                    new X11Request(true, "MIT-MAGIC-COOKIE-1", "00112233445566778899aabbccddeeff", 0).encode(),
                    Duration.ofSeconds(20)));
            s.exec("bash -c 'n=${DISPLAY#localhost:}; p=$((6000 + ${n%.*})); "
                    + "(exec 3<>/dev/tcp/127.0.0.1/$p) && echo first=ok; sleep 1; "
                    + "(exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && echo second=ok || echo second=refused'");
            s.stdin().close();
            String out = new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(out.contains("first=ok"), out);
            assertTrue(out.contains("second=refused"), out);
            long deadline = System.currentTimeMillis() + 10_000;
            while (opens.get() < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, opens.get());
        }
    }
}
