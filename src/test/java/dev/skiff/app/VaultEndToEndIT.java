package dev.skiff.app;

import static dev.skiff.app.testing.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.sessions.AuthPreference;
import dev.skiff.app.terminal.TerminalTab;
import dev.skiff.app.terminal.TerminalTabViewModel.State;
import dev.skiff.app.testing.AppTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Remember in vault" end to end, through the real app (Monocle) and a real SSH server: the
 * password typed in the login dialog is saved in the vault, no file the app wrote holds it (nor the
 * master password) in UTF-8, UTF-16 or Base64, and after a restart unlocking the vault is all it
 * takes to log in again.
 */
class VaultEndToEndIT {
    private static final String MASTER = "correct horse battery staple";

    @TempDir
    Path dir;
    private AppFixture app;

    @BeforeEach
    void start() throws Exception {
        app = new AppFixture(dir);
        app.saveHosts(List.of(app.host("Vault box", AppTestServer.PASSWORD_USER, AuthPreference.PASSWORD, "Lab")));
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void aRememberedPasswordIsOnlyInTheVaultAndLogsInAfterARestart() throws Exception {
        app.startApp();
        app.robot.doubleClickOn(app.hostCell("Vault box"));
        until("the unknown host key dialog", () -> app.present("#hostkey-trust"));
        app.robot.clickOn("#hostkey-trust");
        until("the password dialog", () -> app.present("#password-field"));
        app.robot.clickOn("#password-field").write(AppTestServer.PASSWORD);
        app.robot.clickOn("#password-remember");
        app.robot.clickOn("#password-ok");
        until("the vault dialog", () -> app.present("#vault-confirm"));
        app.robot.clickOn("#vault-password").write(MASTER);
        app.robot.clickOn("#vault-confirm").write(MASTER);
        app.robot.clickOn("#vault-ok");
        TerminalTab tab = app.tab(0);
        app.connected(tab);
        app.run(tab, "echo vault-$((6*7))", "vault-42");
        app.stopApp(); // every store flushed

        assertTrue(Files.exists(app.config.resolve("vault.json")), "the vault was written");
        assertFalse(findings(app.home, "Vault box").isEmpty(), "the scan reads the app's files (hosts.json)");
        assertEquals(List.of(), findings(app.home, AppTestServer.PASSWORD));
        assertEquals(List.of(), findings(app.home, MASTER));

        // a restart: unlocking the vault is the only question
        app.startApp();
        app.robot.doubleClickOn(app.hostCell("Vault box"));
        until("the vault unlock dialog", () -> app.present("#vault-password"));
        assertFalse(app.present("#vault-confirm"), "the existing vault is unlocked, not created again");
        app.robot.clickOn("#vault-password").write(MASTER);
        app.robot.clickOn("#vault-ok");
        TerminalTab again = app.tab(0);
        until("logged in or asked for the password", () -> again.viewModel().state() == State.CONNECTED
                || app.present("#password-field"), () -> again.viewModel().messageProperty().get());
        assertFalse(app.present("#password-field"), "the password came from the vault");
        app.run(again, "echo again-$((7*6))", "again-42");
        assertEquals(2, app.server.authSuccesses());
    }

    /** Every file under {@code root} that holds {@code secret} as UTF-8, UTF-16 (either order) or Base64. */
    private static List<String> findings(Path root, String secret) throws Exception {
        List<byte[]> needles = new ArrayList<>();
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        needles.add(utf8);
        needles.add(secret.getBytes(StandardCharsets.UTF_16LE));
        needles.add(secret.getBytes(StandardCharsets.UTF_16BE));
        needles.addAll(base64Forms(utf8));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                // ISO-8859-1 maps bytes to chars one to one: a byte search as a string search
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (byte[] needle : needles) {
                    String n = new String(needle, StandardCharsets.ISO_8859_1);
                    if (content.contains(n)) {
                        found.add(root.relativize(f) + " holds " + n);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The Base64 text of {@code data} wherever it starts in an encoded stream (three alignments):
     * only the characters that depend on {@code data} alone, in the standard and URL alphabets.
     */
    private static List<byte[]> base64Forms(byte[] data) {
        List<byte[]> forms = new ArrayList<>();
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = new byte[shift + data.length];
            System.arraycopy(data, 0, padded, shift, data.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(padded);
            int first = (shift * 8 + 5) / 6; // first character whose 6 bits all come from data
            int last = (padded.length * 8) / 6; // characters before this one are complete
            String stable = encoded.substring(first, last);
            forms.add(stable.getBytes(StandardCharsets.US_ASCII));
            forms.add(stable.replace('+', '-').replace('/', '_').getBytes(StandardCharsets.US_ASCII));
        }
        return forms;
    }
}
