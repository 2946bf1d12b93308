package dev.skiff.app.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.fx.Dialogs;
import dev.skiff.app.testing.Screenshots;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.HostKeyRejectedException;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.keys.SshKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real connections on a worker thread against AppTestServer, answered through the FX host key dialogs. */
class HostKeyDialogsGuiTest extends FxGuiTestSupport {
    @TempDir
    Path dir;

    private Path knownHosts() {
        return dir.resolve("skiff-known_hosts");
    }

    private AppHostKeyVerifier verifier() {
        Dialogs dialogs = new Dialogs();
        return new AppHostKeyVerifier(knownHosts(), List.of(dir.resolve("ssh-known_hosts")),
                new FxHostKeyQuestions(dialogs, knownHosts(), Duration.ofSeconds(60)));
    }

    private Future<SshConnection> connect(AppTestServer server, AppHostKeyVerifier verifier) {
        return worker.submit(() -> SshClient.connect(new ConnectSpec(server.host(), server.host(), server.port(),
                AppTestServer.PASSWORD_USER), SshClientConfig.defaults(verifier)));
    }

    @Test
    void unknownKeyShowsTheFingerprintAndTrustAndSaveWritesKnownHosts() throws Exception {
        try (AppTestServer server = new AppTestServer(dir)) {
            Future<SshConnection> connecting = connect(server, verifier());
            DialogPane pane = await("#hostkey-dialog");
            assertEquals(server.hostKeyFingerprint(), robot.lookup("#hostkey-fingerprint").queryAs(Labeled.class).getText());
            assertTrue(robot.lookup("#hostkey-randomart").queryAs(Labeled.class).getText().contains("[SHA256]"));
            assertEquals("127.0.0.1 port " + server.port(), robot.lookup("#hostkey-host").queryAs(Labeled.class).getText());
            Screenshots.save(pane, "hostkey-dialog");

            robot.clickOn("#hostkey-trust");
            try (SshConnection c = connecting.get(WAIT_SECONDS, TimeUnit.SECONDS)) {
                assertTrue(c.isOpen());
            }
            String saved = Files.readString(knownHosts());
            assertEquals("[127.0.0.1]:" + server.port() + " " + server.hostKey().publicKey().toOpenSshString() + "\n", saved);

            try (SshConnection again = connect(server, verifier()).get(WAIT_SECONDS, TimeUnit.SECONDS)) {
                assertTrue(again.isOpen());
                assertFalse(find("#hostkey-dialog").isPresent(), "a saved key is not asked about");
            }
        }
    }

    @Test
    void connectOnceAsksOnceAndCancelRefuses() throws Exception {
        try (AppTestServer server = new AppTestServer(dir)) {
            AppHostKeyVerifier verifier = verifier();
            Future<SshConnection> connecting = connect(server, verifier);
            await("#hostkey-dialog");
            robot.clickOn("#hostkey-connect-once");
            connecting.get(WAIT_SECONDS, TimeUnit.SECONDS).close();
            connect(server, verifier).get(WAIT_SECONDS, TimeUnit.SECONDS).close();
            assertFalse(Files.exists(knownHosts()));

            Future<SshConnection> refused = connect(server, verifier());
            await("#hostkey-dialog");
            robot.clickOn("#hostkey-cancel");
            ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(HostKeyRejectedException.class, e.getCause());
        }
    }

    @Test
    void changedKeyWarnsRefusesByDefaultAndReplacesOnlyAfterConfirmation() throws Exception {
        int port;
        try (AppTestServer first = new AppTestServer(dir)) {
            port = first.port();
            Future<SshConnection> connecting = connect(first, verifier());
            await("#hostkey-dialog");
            robot.clickOn("#hostkey-trust");
            connecting.get(WAIT_SECONDS, TimeUnit.SECONDS).close();
        }
        String before = Files.readString(knownHosts());
        try (AppTestServer second = new AppTestServer(dir, SshKeyGenerator.generate("ssh-ed25519", 0), port)) {
            Future<SshConnection> refused = connect(second, verifier());
            DialogPane pane = await("#changed-hostkey-dialog");
            assertEquals(second.hostKeyFingerprint(),
                    robot.lookup("#changed-hostkey-fingerprint").queryAs(Labeled.class).getText());
            String old = robot.lookup("#changed-hostkey-old-0").queryAs(Labeled.class).getText();
            assertTrue(old.endsWith(knownHosts() + ":1"), old);
            Button replace = robot.lookup("#changed-hostkey-replace").queryButton();
            Button cancel = robot.lookup("#changed-hostkey-cancel").queryButton();
            assertTrue(replace.isDisabled(), "replacing needs the confirmation");
            assertTrue(cancel.isDefaultButton() && !replace.isDefaultButton());
            Screenshots.save(pane, "changed-hostkey-dialog");

            robot.clickOn("#changed-hostkey-cancel");
            ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(HostKeyRejectedException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("CHANGED"), e.getCause().getMessage());
            assertEquals(before, Files.readString(knownHosts()));

            Future<SshConnection> replacing = connect(second, verifier());
            await("#changed-hostkey-dialog");
            robot.clickOn("#changed-hostkey-verified");
            assertFalse(robot.lookup("#changed-hostkey-replace").queryButton().isDisabled());
            robot.clickOn("#changed-hostkey-replace");
            replacing.get(WAIT_SECONDS, TimeUnit.SECONDS).close();
            assertEquals("[127.0.0.1]:" + port + " " + second.hostKey().publicKey().toOpenSshString() + "\n",
                    Files.readString(knownHosts()));
        }
    }
}
