package dev.skiff.app.terminal;

import static org.junit.jupiter.api.Assertions.fail;

import atlantafx.base.theme.PrimerLight;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for terminal tab GUI tests: FX calls, polling, SSH sources. */
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

    /** Shows an empty tab pane (800 x 480, light theme) in the primary stage. */
    static TabPane showTabPane() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        return fx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            TabPane tabs = new TabPane();
            stage.setScene(new Scene(tabs, 800, 480));
            stage.show();
            return tabs;
        });
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
}
