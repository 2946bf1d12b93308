package dev.skiff.ssh.x11;

import dev.skiff.testing.Exec;
import dev.skiff.testing.Peers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * For tests: a real X server ({@code Xvfb :N -auth FILE -nolisten tcp}) on a free display number,
 * with a random MIT-MAGIC-COOKIE-1 in {@link #authority()}, so that only clients presenting that
 * cookie get in (or one generated from it with {@code xauth generate}). Screen 0 has the size
 * given, which {@code xdpyinfo} reports.
 */
public final class XvfbDisplay implements AutoCloseable {
    public static final String XVFB = "/usr/bin/Xvfb";
    public static final String XAUTH = "/usr/bin/xauth";
    public static final String XDPYINFO = "/usr/bin/xdpyinfo";

    private final Process process;
    private final int number;
    private final Path authority;

    private XvfbDisplay(Process process, int number, Path authority) {
        this.process = process;
        this.number = number;
        this.authority = authority;
    }

    /** Starts Xvfb with a {@code width}x{@code height}x24 screen; needs Xvfb, xauth and xdpyinfo. */
    public static XvfbDisplay start(Path dir, int width, int height) throws Exception {
        Peers.requirePeer(XVFB);
        Peers.requirePeer(XAUTH);
        Peers.requirePeer(XDPYINFO);
        int first = 70 + new SecureRandom().nextInt(400);
        for (int n = first; n < first + 40; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(X11Display.SOCKET_DIR.resolve("X" + n))) {
                continue;
            }
            Path auth = dir.resolve("Xauthority-" + n);
            byte[] cookie = new byte[16];
            new SecureRandom().nextBytes(cookie);
            Exec.run(Duration.ofSeconds(20), XAUTH, "-q", "-f", auth.toString(), "add", ":" + n, ".",
                    HexFormat.of().formatHex(cookie)).requireSuccess();
            // -noreset: an idle server would otherwise reset after its last client and forget
            // cookies made with "xauth generate" (untrusted forwarding) before they are used
            Process p = new ProcessBuilder(XVFB, ":" + n, "-auth", auth.toString(), "-nolisten", "tcp", "-noreset", "-screen", "0",
                    width + "x" + height + "x24").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("Xvfb-" + n + ".log").toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (p.isAlive() && System.nanoTime() < deadline) {
                if (Files.exists(X11Display.SOCKET_DIR.resolve("X" + n))
                        && Exec.run(Duration.ofSeconds(20), "env", "XAUTHORITY=" + auth, XDPYINFO, "-display", ":" + n)
                                .exitCode() == 0) {
                    return new XvfbDisplay(p, n, auth);
                }
                Thread.sleep(100);
            }
            p.destroyForcibly();
        }
        throw new IOException("could not start Xvfb on a free display");
    }

    /** {@code :N}. */
    public String display() {
        return ":" + number;
    }

    public int number() {
        return number;
    }

    /** The authority file holding the display's cookie. */
    public Path authority() {
        return authority;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
