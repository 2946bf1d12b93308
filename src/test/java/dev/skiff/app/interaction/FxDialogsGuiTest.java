package dev.skiff.app.interaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.fx.Dialogs;
import dev.skiff.app.fx.FxThreads;
import dev.skiff.app.testing.Screenshots;
import dev.skiff.ssh.HostKeyRejectedException;
import dev.skiff.ssh.userauth.PasswordChange;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The SPI methods not reachable through AppTestServer, called on a worker as the stack would. */
class FxDialogsGuiTest extends FxGuiTestSupport {
    private final Dialogs dialogs = new Dialogs();
    private final FxInteraction fx = new FxInteraction(dialogs, Duration.ofSeconds(60), null);

    @Test
    void askRefusesTheFxThread() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            try {
                FxThreads.ask(CompletableFuture::new, Duration.ofSeconds(1));
            } catch (IllegalStateException e) {
                failure.set(e);
            }
        });
        assertTrue(failure.get() instanceof IllegalStateException);
    }

    @Test
    void passwordChangeNeedsMatchingNewPasswords() throws Exception {
        Future<PasswordChange> asked = worker.submit(() -> fx.changePassword("alice", "host", "Password expired\u001b[1m"));
        await("#password-change-dialog");
        assertEquals("Password expired^[[1m", robot.lookup("#password-change-prompt").queryAs(Labeled.class).getText());
        robot.clickOn("#password-change-old").write("old");
        robot.clickOn("#password-change-new").write("new1");
        robot.clickOn("#password-change-confirm").write("new2");
        assertTrue(robot.lookup("#password-change-ok").queryButton().isDisabled());
        assertEquals("The new passwords do not match.",
                robot.lookup("#password-change-problem").queryAs(Labeled.class).getText());
        robot.doubleClickOn("#password-change-confirm").eraseText(4).write("new1");
        robot.clickOn("#password-change-ok");
        PasswordChange change = asked.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertArrayEquals("old".toCharArray(), change.oldPassword());
        assertArrayEquals("new1".toCharArray(), change.newPassword());
    }

    @Test
    void passphraseCancelGivesNull() throws Exception {
        Future<char[]> asked = worker.submit(() -> fx.passphrase("/home/a/.ssh/id_ed25519", 1));
        await("#passphrase-dialog");
        assertEquals("/home/a/.ssh/id_ed25519", robot.lookup("#passphrase-subject").queryAs(Labeled.class).getText());
        assertTrue(robot.lookup("#passphrase-remember").tryQuery().isEmpty(), "no vault, no remember option");
        robot.clickOn("#passphrase-cancel");
        assertNull(asked.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void bannerIsShownAsPlainTextWithoutBlockingTheWorker() throws Exception {
        worker.submit(() -> {
            fx.banner("Authorized use only.\r\n\u001b[31mAll access is logged.\n");
            fx.information("carol", "host", "", "Your password expires in 3 days.");
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        await("#banner-dialog");
        String expected = "Authorized use only.\n^[[31mAll access is logged.\nYour password expires in 3 days.";
        org.testfx.util.WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> expected.equals(robot.lookup("#banner-text").queryAs(Labeled.class).getText()));
        assertEquals(1, robot.lookup("#banner-dialog").queryAll().size(), "one dialog collects all banner text");
        Screenshots.save(robot.lookup("#banner-dialog").query(), "banner-dialog");
        robot.clickOn("#banner-close");
        awaitGone("#banner-dialog");
    }

    @Test
    void errorMessageDialog() throws Exception {
        dialogs.showError(new HostKeyRejectedException("The host key of example.org port 2222 is REVOKED."));
        await("#message-dialog");
        assertEquals("The host key of example.org port 2222 is REVOKED.",
                robot.lookup("#message-text").queryAs(Labeled.class).getText());
        robot.clickOn("#message-close");
        awaitGone("#message-dialog");
    }
}
