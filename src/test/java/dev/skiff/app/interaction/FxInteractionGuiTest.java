package dev.skiff.app.interaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.fx.Dialogs;
import dev.skiff.app.fx.ErrorPresenter;
import dev.skiff.app.testing.Screenshots;
import dev.skiff.app.fx.UserMessage;
import dev.skiff.app.testing.AppTestServer;
import dev.skiff.ssh.AuthenticationCancelledException;
import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.ConnectSpec;
import dev.skiff.ssh.SshClient;
import dev.skiff.ssh.SshClientConfig;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.knownhosts.HostKeyVerifier;
import dev.skiff.ssh.userauth.AuthenticationPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real authentication on a worker thread against AppTestServer, answered through the FX dialogs. */
class FxInteractionGuiTest extends FxGuiTestSupport {
    @TempDir
    Path dir;

    private AppTestServer server;

    /** An in-memory vault. */
    static final class MapMemory implements SecretMemory {
        final Map<String, char[]> secrets = new HashMap<>();

        @Override
        public synchronized Optional<char[]> recall(String secretId) {
            return Optional.ofNullable(secrets.get(secretId)).map(char[]::clone);
        }

        @Override
        public synchronized void remember(String secretId, char[] secret) {
            secrets.put(secretId, secret.clone());
        }

        @Override
        public synchronized void forget(String secretId) {
            secrets.remove(secretId);
        }
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new AppTestServer(dir);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Future<Void> authenticate(String user, String method, FxInteraction fx) {
        return worker.submit(() -> {
            try (SshConnection c = SshClient.connect(new ConnectSpec(server.host(), server.host(), server.port(), user),
                    SshClientConfig.defaults(HostKeyVerifier.ACCEPT_ALL))) {
                c.authenticate(AuthenticationPlan.builder(user).keyboardInteractiveHandler(fx).passwordProvider(fx)
                        .bannerListener(fx).preferredMethods(List.of(method)).numberOfPasswordPrompts(2).build());
            }
            return null;
        });
    }

    private Future<Void> keyboardInteractive(FxInteraction fx) {
        return authenticate(AppTestServer.KBDINT_USER, "keyboard-interactive", fx);
    }

    private void answerRound(String password, String code) throws Exception {
        await("#kbdint-dialog");
        robot.clickOn("#kbdint-answer-0").write(password);
        robot.clickOn("#kbdint-answer-1").write(code);
        robot.clickOn("#kbdint-ok");
    }

    @Test
    void twoPromptRoundAnsweredThroughTheDialogSucceeds() throws Exception {
        Future<Void> auth = keyboardInteractive(new FxInteraction(new Dialogs()));
        DialogPane pane = await("#kbdint-dialog");
        assertEquals(AppTestServer.KBDINT_INSTRUCTION, robot.lookup("#kbdint-instruction").queryAs(Labeled.class).getText());
        assertEquals("Password:", robot.lookup("#kbdint-prompt-0").queryAs(Labeled.class).getText());
        assertEquals("Code:", robot.lookup("#kbdint-prompt-1").queryAs(Labeled.class).getText());
        assertInstanceOf(PasswordField.class, robot.lookup("#kbdint-answer-0").query(), "echo=false");
        assertFalse(robot.lookup("#kbdint-answer-1").query() instanceof PasswordField, "echo=true");
        assertInstanceOf(TextField.class, robot.lookup("#kbdint-answer-1").query());
        assertEquals(AppTestServer.KBDINT_NAME, ((javafx.stage.Stage) pane.getScene().getWindow()).getTitle());
        robot.clickOn("#kbdint-answer-1").write(AppTestServer.KBDINT_CODE);
        robot.clickOn("#kbdint-answer-0").write(AppTestServer.PASSWORD);
        Screenshots.save(pane, "kbdint-dialog");
        robot.clickOn("#kbdint-ok");
        auth.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, server.authSuccesses());
    }

    @Test
    void wrongAnswersGiveAClearAuthenticationFailure() throws Exception {
        Future<Void> auth = keyboardInteractive(new FxInteraction(new Dialogs()));
        answerRound("wrong", AppTestServer.KBDINT_CODE);
        awaitGone("#kbdint-dialog");
        answerRound(AppTestServer.PASSWORD, "41");
        ExecutionException e = assertThrows(ExecutionException.class, () -> auth.get(WAIT_SECONDS, TimeUnit.SECONDS));
        AuthenticationException failure = assertInstanceOf(AuthenticationException.class, e.getCause());
        assertFalse(failure instanceof AuthenticationCancelledException);
        UserMessage message = new ErrorPresenter().present(e);
        assertEquals("Authentication failed", message.title());
        assertTrue(message.text().startsWith("Authentication failed for carol@[127.0.0.1]:" + server.port()
                + ": tried keyboard-interactive"),
                message.text());
        assertEquals(0, server.authSuccesses());
    }

    @Test
    void cancelGivesAuthenticationCancelled() throws Exception {
        Future<Void> auth = keyboardInteractive(new FxInteraction(new Dialogs()));
        await("#kbdint-dialog");
        robot.clickOn("#kbdint-cancel");
        ExecutionException e = assertThrows(ExecutionException.class, () -> auth.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(AuthenticationCancelledException.class, e.getCause());
        assertEquals("Connection cancelled", new ErrorPresenter().present(e).title());
    }

    @Test
    void unansweredQuestionTimesOutAsCancelled() throws Exception {
        Future<Void> auth = keyboardInteractive(new FxInteraction(new Dialogs(), Duration.ofSeconds(2), null));
        await("#kbdint-dialog");
        ExecutionException e = assertThrows(ExecutionException.class, () -> auth.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(AuthenticationCancelledException.class, e.getCause());
        awaitGone("#kbdint-dialog");
    }

    @Test
    void passwordRetrySaysPermissionDeniedAndRememberedPasswordSkipsTheDialog() throws Exception {
        MapMemory vault = new MapMemory();
        FxInteraction fx = new FxInteraction(new Dialogs(), Duration.ofSeconds(60), vault);
        Future<Void> auth = authenticate(AppTestServer.PASSWORD_USER, "password", fx);
        await("#password-dialog");
        assertTrue(robot.lookup("#password-error").tryQuery().isEmpty());
        robot.clickOn("#password-field").write("nope");
        robot.clickOn("#password-ok");
        awaitGone("#password-dialog");
        await("#password-dialog");
        assertEquals("Permission denied, please try again.",
                robot.lookup("#password-error").queryAs(Labeled.class).getText());
        assertEquals("alice@[127.0.0.1]:" + server.port(), robot.lookup("#password-subject").queryAs(Labeled.class).getText());
        robot.clickOn("#password-field").write(AppTestServer.PASSWORD);
        robot.clickOn("#password-remember");
        Screenshots.save(robot.lookup("#password-dialog").query(), "password-dialog");
        robot.clickOn("#password-ok");
        auth.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertArrayEquals(AppTestServer.PASSWORD.toCharArray(), vault.secrets.get(SecretMemory.passwordId("alice", "[127.0.0.1]:" + server.port())));

        authenticate(AppTestServer.PASSWORD_USER, "password", fx).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(find("#password-dialog").isEmpty(), "the remembered password is used without a dialog");
        assertEquals(2, server.authSuccesses());
    }
}
