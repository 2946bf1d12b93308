package dev.skiff.ssh.x11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.transport.TransportConfig;
import dev.skiff.testing.OpenSshServer;
import dev.skiff.testing.Peers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skiff's client forwards X11 from OpenSSH's sshd ({@code X11Forwarding yes}, X11UseLocalhost):
 * an X client run in the session (xdpyinfo) reaches the local Xvfb, which only accepts its real
 * cookie, through the fake cookie sshd recorded with xauth; a client with another cookie is
 * refused and the next one still works.
 */
class X11ForwardingIT {
    private static final SshKeyPair KEY = SshKeyGenerator.generate("ssh-ed25519", 0);

    @TempDir
    Path dir;
    private OpenSshServer sshd;
    private XvfbDisplay xvfb;

    @BeforeEach
    void start() throws Exception {
        Peers.requirePeer(OpenSshServer.SSHD);
        xvfb = XvfbDisplay.start(dir, 800, 321);
        dev.skiff.testing.Exec.output(Peers.requirePeer(OpenSshServer.SSH_KEYGEN).toString(), "-q", "-t", "ed25519",
                "-N", "", "-f", dir.resolve("id_ed25519").toString());
        sshd = OpenSshServer.builder().authorizedKey(java.nio.file.Files.readString(dir.resolve("id_ed25519.pub")))
                .config("X11Forwarding yes").config("X11UseLocalhost yes")
                .config("XAuthLocation " + XvfbDisplay.XAUTH)
                .config("SetEnv XAUTHORITY=" + dir.resolve("session-xauthority"))
                .authorizedKey(KEY.publicKey().toOpenSshString()).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        if (xvfb != null) {
            xvfb.close();
        }
    }

    private String run(boolean forward, String command) throws Exception {
        return run(forward, true, command);
    }

    private String run(boolean forward, boolean trusted, String command) throws Exception {
        TransportConfig tc = TransportConfig.builder().kexAlgorithms("curve25519-sha256").build();
        try (SshConnection c = SshClient.connect(ConnectSpec.of("127.0.0.1", sshd.port()),
                SshClientConfig.of(tc, HostKeyVerifier.ACCEPT_ALL))) {
            c.authenticatePublicKey(sshd.user(), KEY);
            SessionChannel s = c.openSession();
            if (forward) {
                assertTrue(X11Forwarding.enable(c, s, xvfb.display(), trusted,
                        new Xauth(Path.of(XvfbDisplay.XAUTH), xvfb.authority())), "sshd accepted x11-req");
            }
            s.exec(command);
            s.stdin().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.stderr().readAllBytes();
                } catch (java.io.IOException e) {
                    return new byte[0];
                }
            });
            String out = new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8);
            s.waitFor(Duration.ofSeconds(60));
            return out + new String(err.get(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void xClientOnTheServerReachesTheLocalDisplay() throws Exception {
        String out = run(true, "echo \"display=$DISPLAY\"; xdpyinfo | grep dimensions");
        assertTrue(out.contains("display=localhost:1"), out);
        assertTrue(out.contains("dimensions:    800x321 pixels"), out);
    }

    /** Untrusted: the X server generates the cookie that is substituted (never the display's own). */
    @Test
    void untrustedForwarding() throws Exception {
        Xauth xauth = new Xauth(Path.of(XvfbDisplay.XAUTH), xvfb.authority());
        X11Cookie own = xauth.list(xvfb.display()).orElseThrow();
        X11Cookie generated = xauth.generateUntrusted(xvfb.display(), Duration.ofSeconds(60)).orElseThrow();
        assertEquals(own.protocol(), generated.protocol());
        assertFalse(own.hex().equals(generated.hex()), "a new cookie");
        String out = run(true, false, "xdpyinfo | grep dimensions");
        assertTrue(out.contains("dimensions:    800x321 pixels"), out);
    }

    @Test
    void wrongCookieIsRefusedAndTheNextClientStillWorks() throws Exception {
        String out = run(true, "W=$(mktemp); xauth -q -f \"$W\" add \"unix:${DISPLAY#localhost:}\" "
                + "MIT-MAGIC-COOKIE-1 00112233445566778899aabbccddeeff; XAUTHORITY=$W xdpyinfo >/dev/null 2>&1; "
                + "echo wrong=$?; XAUTHORITY=/nonexistent xdpyinfo >/dev/null 2>&1; echo none=$?; rm -f \"$W\"; "
                + "xdpyinfo | grep dimensions");
        assertTrue(out.contains("wrong=1"), out);
        assertTrue(out.contains("none=1"), out);
        assertTrue(out.contains("dimensions:    800x321 pixels"), out);
    }

    /** {@code skiff ssh -X} (the packaged jar) and OpenSSH's {@code ssh -X} print the same. */
    @Test
    void cliDashXLikeOpenSsh() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("known_hosts"), sshd.knownHostsText());
        java.nio.file.Files.writeString(dir.resolve("config"), String.join("\n", "Host testhost", "  HostName 127.0.0.1",
                "  Port " + sshd.port(), "  User " + sshd.user(), "  IdentityFile " + dir.resolve("id_ed25519"),
                "  IdentitiesOnly yes", "  UserKnownHostsFile " + dir.resolve("known_hosts"),
                "  GlobalKnownHostsFile /dev/null", "  StrictHostKeyChecking yes", "  BatchMode yes", "  LogLevel ERROR", ""));
        String command = "xdpyinfo | grep dimensions; echo \"display=${DISPLAY:-none}\"";
        Path jar = Path.of("target", "skiff.jar");
        assertTrue(java.nio.file.Files.exists(jar), "failsafe runs after package");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String skiff = cli(java, "-jar", jar.toString(), "ssh", "-F", dir.resolve("config").toString(), "-X", "testhost", command);
        String ssh = cli("/usr/bin/ssh", "-F", dir.resolve("config").toString(), "-X", "testhost", command);
        assertTrue(skiff.contains("dimensions:    800x321 pixels"), skiff);
        assertTrue(skiff.contains("display=localhost:"), skiff);
        assertEquals(ssh.replaceAll("localhost:\\d+", "localhost:N"), skiff.replaceAll("localhost:\\d+", "localhost:N"));
        String off = cli(java, "-jar", jar.toString(), "ssh", "-F", dir.resolve("config").toString(), "-X", "-x", "testhost",
                "echo \"display=${DISPLAY:-none}\"");
        assertTrue(off.contains("display=none"), off);
    }

    private String cli(String... cmd) throws Exception {
        // sshd's xauth says "file ... does not exist" when it creates the file: the same for both clients
        java.nio.file.Files.deleteIfExists(dir.resolve("session-xauthority"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("DISPLAY", xvfb.display());
        pb.environment().put("XAUTHORITY", xvfb.authority().toString());
        pb.environment().remove("SSH_AUTH_SOCK");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "timed out: " + String.join(" ", cmd));
        return out;
    }

    @Test
    void noDisplayWithoutTheRequest() throws Exception {
        String out = run(false, "echo \"display=${DISPLAY:-none}\"");
        assertTrue(out.contains("display=none"), out);
        assertFalse(out.contains("dimensions"), out);
    }
}
