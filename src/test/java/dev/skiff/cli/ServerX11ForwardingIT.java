package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.x11.XvfbDisplay;
import dev.skiff.testing.Exec;
import dev.skiff.testing.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skiff server --allow-x11-forwarding} with OpenSSH's {@code ssh -X} and a real Xvfb: X
 * clients in the session reach the display; the no-X11-forwarding and restrict key options and a
 * server without the flag refuse it.
 */
class ServerX11ForwardingIT {
    @TempDir
    Path dir;

    private static final String COMMAND = "echo \"display=${DISPLAY:-none}\"; xdpyinfo 2>&1 | grep dimensions";

    private Path key(String name) {
        Path k = dir.resolve(name);
        Exec.output("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", k.toString());
        return k;
    }

    @Test
    void x11ForwardingWhenAllowedAndNotRefusedByTheKey() throws Exception {
        Peers.requirePeer("/usr/bin/ssh");
        Path open = key("open");
        Path noX11 = key("nox11");
        Path restricted = key("restricted");
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(dir.resolve("open.pub"))
                + "no-X11-forwarding " + Files.readString(dir.resolve("nox11.pub"))
                + "restrict,pty " + Files.readString(dir.resolve("restricted.pub")));
        try (XvfbDisplay xvfb = XvfbDisplay.start(dir, 640, 480)) {
            String[] env = {"DISPLAY", xvfb.display(), "XAUTHORITY", xvfb.authority().toString()};
            try (ServerCliFixture fx = new ServerCliFixture(dir, "--authorized-keys", dir.resolve("authorized_keys").toString(),
                    "--allow-x11-forwarding")) {
                ServerCliFixture.Result r = fx.run(fx.openSsh("/usr/bin/ssh", open, "-X", "127.0.0.1", COMMAND), null, env);
                assertTrue(r.out().contains("dimensions:    640x480 pixels"), r.out() + r.err());
                assertTrue(r.out().contains("display=localhost:"), r.out());
                for (Path refused : new Path[] {noX11, restricted}) {
                    ServerCliFixture.Result n = fx.run(fx.openSsh("/usr/bin/ssh", refused, "-X", "127.0.0.1", COMMAND), null, env);
                    assertTrue(n.out().contains("display=none"), refused + ": " + n.out() + n.err());
                    assertFalse(n.out().contains("dimensions"), n.out());
                }
                assertTrue(fx.log().contains("X11 forwarding for"), fx.log());
            }
            try (ServerCliFixture fx = new ServerCliFixture(dir, "--authorized-keys", dir.resolve("authorized_keys").toString())) {
                ServerCliFixture.Result r = fx.run(fx.openSsh("/usr/bin/ssh", open, "-X", "127.0.0.1", COMMAND), null, env);
                assertTrue(r.out().contains("display=none"), "off without --allow-x11-forwarding: " + r.out() + r.err());
            }
        }
    }
}
