package dev.skiff.app.sftp;

import atlantafx.base.theme.PrimerLight;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A browser tab in a real stage, connected to an {@link AppTestServer} whose SFTP root is
 * {@code remoteRoot}; the local pane starts in {@code localRoot}. Close it after the test.
 */
final class BrowserFixture implements AutoCloseable {
    final Path remoteRoot;
    final Path localRoot;
    final AppTestServer server;
    final SshConnection connection;
    final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "browser-test-worker");
        t.setDaemon(true);
        return t;
    });
    final FxRobot robot = new FxRobot();
    SftpBrowserTab tab;
    Stage stage;

    BrowserFixture(Path remoteRoot, Path localRoot, TransferSettings settings) throws Exception {
        this.remoteRoot = remoteRoot;
        this.localRoot = localRoot;
        server = new AppTestServer(remoteRoot);
        connection = SshClient.connect(new ConnectSpec(server.host(), server.host(), server.port(), AppTestServer.PASSWORD_USER),
                SshClientConfig.defaults(HostKeyVerifier.ACCEPT_ALL));
        connection.authenticatePassword(AppTestServer.PASSWORD_USER, AppTestServer.PASSWORD.toCharArray());
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            tab = new SftpBrowserTab("alice@test", connection, localRoot, workers, settings);
            tab.viewModel().setDragOutBase(localRoot.resolveSibling("drag-out"));
            TabPane tabs = new TabPane(tab);
            tabs.setId("tabs");
            s.setScene(new Scene(tabs, 1280, 800));
            // the shared primary stage keeps the size and place an earlier test gave it
            s.setX(0);
            s.setY(0);
            s.setWidth(1280);
            s.setHeight(800);
            s.show();
        });
        waitFor(() -> !remotePane().path().isEmpty() && !localPane().path().isEmpty());
    }

    PaneViewModel remotePane() {
        return tab.viewModel().remote();
    }

    PaneViewModel localPane() {
        return tab.viewModel().local();
    }

    @SuppressWarnings("unchecked")
    TableView<FileEntry> table(String side) {
        return robot.lookup("#" + side + "-table").queryAs(TableView.class);
    }

    /** Selects the rows named {@code names} in a pane's table and focuses it. */
    void select(String side, String... names) {
        TableView<FileEntry> t = table(side);
        robot.interact(() -> {
            t.getSelectionModel().clearSelection();
            for (String n : names) {
                for (int i = 0; i < t.getItems().size(); i++) {
                    if (t.getItems().get(i).name().equals(n)) {
                        t.getSelectionModel().select(i);
                    }
                }
            }
            t.requestFocus();
        });
        if (t.getSelectionModel().getSelectedItems().size() != names.length) {
            throw new AssertionError("not all of " + String.join(",", names) + " listed in " + side);
        }
    }

    static void waitFor(BooleanSupplier b) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return b.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 30 s", e);
        }
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        robot.interact(() -> tab.viewModel().queue().cancelAll());
        // let cancelled transfers end (they report on the FX thread) before the workers stop
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> tab.viewModel().queue().items().stream().allMatch(i -> i.state().finished()));
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.cleanupStages();
        connection.close();
        server.close();
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
