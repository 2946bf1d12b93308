package dev.skiff.app.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.skiff.app.testing.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The vault dialog, headless: create on first use, then a wrong and a right master password. */
class VaultUnlockDialogFxTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    private AtomicReference<Boolean> open(Vault vault) {
        AtomicReference<Boolean> result = new AtomicReference<>();
        robot.interact(() -> {
            VaultUnlockViewModel vm = new VaultUnlockViewModel(vault, r -> new Thread(r).start(), Platform::runLater);
            VaultUnlockDialog d = new VaultUnlockDialog(vm);
            d.setOnHidden(e -> result.set(d.getResult()));
            d.show();
        });
        return result;
    }

    @Test
    void createThenUnlock() throws Exception {
        Path file = dir.resolve("vault.json");
        Vault vault = new Vault(file, VaultTest.FAST);
        AtomicReference<Boolean> created = open(vault);
        robot.clickOn("#vault-password").write("correct horse");
        robot.clickOn("#vault-confirm").write("correct horse");
        Screenshots.save(robot.lookup("#vault-password").query().getScene().getRoot(), "vault-create");
        robot.clickOn("#vault-ok");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> created.get() != null);
        assertTrue(created.get());
        assertTrue(vault.isUnlocked());

        Vault later = new Vault(file);
        AtomicReference<Boolean> unlocked = open(later);
        assertTrue(robot.lookup("#vault-confirm").tryQuery().isEmpty());
        robot.clickOn("#vault-password").write("wrong horse");
        robot.clickOn("#vault-ok");
        Label error = robot.lookup("#vault-error").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Wrong master password".equals(error.getText()));
        assertFalse(later.isUnlocked());
        robot.interact(() -> robot.lookup("#vault-password").queryTextInputControl().setText("correct horse"));
        robot.clickOn("#vault-ok");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> unlocked.get() != null);
        assertEquals(Boolean.TRUE, unlocked.get());
        assertTrue(later.isUnlocked());
    }
}
