package dev.skiff.app.terminal;

import static org.junit.jupiter.api.Assertions.fail;

import dev.skiff.app.testing.AppTestServer;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for terminal tab GUI tests: FX calls, polling, SSH sources, screenshots. */
final class TerminalFixture {
    static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-terminal-worker");
        t.setDaemon(true);
        return t;
    });

    private TerminalFixture() {
    }

    static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }

    static void fxRun(Runnable run) throws Exception {
        WaitForAsyncUtils.asyncFx(run).get();
    }

    /** Polls (on the FX thread) until {@code condition} holds, up to 30 s. */
    static void await(String what, BooleanSupplier condition) throws Exception {
        await(what, condition, () -> "");
    }

    /** As {@link #await(String, BooleanSupplier)}, adding {@code detail} to the failure message. */
    static void await(String what, BooleanSupplier condition, java.util.function.Supplier<String> detail) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            if (fx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(50);
        }
        fail("timed out waiting for " + what + " " + detail.get());
    }

    /** An SSH source logging in to {@code server} with a password; the connection closes with the session. */
    static SshTerminalSource ssh(AppTestServer server, String password) {
        return new SshTerminalSource(AppTestServer.PASSWORD_USER + "@" + server.host(), new SshTerminalSource.ConnectionProvider() {
            @Override
            public SshConnection connect(java.util.function.Consumer<String> progress) throws Exception {
                progress.accept("Key exchange");
                SshConnection c = SshClient.connect(new ConnectSpec(server.host(), server.host(), server.port(),
                        AppTestServer.PASSWORD_USER), SshClientConfig.defaults(HostKeyVerifier.ACCEPT_ALL));
                try {
                    progress.accept("Authenticating");
                    c.authenticatePassword(AppTestServer.PASSWORD_USER, password.toCharArray());
                    return c;
                } catch (Exception e) {
                    c.close();
                    throw e;
                }
            }

            @Override
            public void release(SshConnection connection) {
                connection.close();
            }
        });
    }

    /** FX thread: writes a snapshot of {@code node} to target/screenshots/{@code name}.png. */
    static void screenshot(Node node, String name) {
        node.applyCss();
        if (node instanceof javafx.scene.Parent p) {
            p.layout();
        }
        WritableImage img = node.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path dir = Path.of("target", "screenshots");
        try {
            Files.createDirectories(dir);
            javax.imageio.ImageIO.write(out, "png", new File(dir.toFile(), name + ".png"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
