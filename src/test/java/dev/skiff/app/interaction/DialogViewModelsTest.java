package dev.skiff.app.interaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.userauth.PasswordChange;
import dev.skiff.ssh.userauth.Prompt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dialogs' view models, without any UI. */
class DialogViewModelsTest {
    private static final PresentedHostKey KEY = new PresentedHostKey("example.org", 2222, "ssh-ed25519", 256,
            "SHA256:new", "+--[ED25519 256]--+");

    @Test
    void unknownHostKeyTexts() {
        HostKeyViewModel vm = new HostKeyViewModel(KEY, "/home/a/.config/skiff/known_hosts");
        assertEquals("example.org port 2222", vm.host());
        assertEquals("ssh-ed25519 (256 bits)", vm.keyType());
        assertEquals("SHA256:new", vm.fingerprint());
        assertTrue(vm.subtitle().contains("example.org port 2222"));
        assertTrue(vm.hint().contains("/home/a/.config/skiff/known_hosts"));
        assertEquals("example.org", new PresentedHostKey("example.org", 22, "t", 1, "f", "a").displayName());
    }

    @Test
    void filesUnderTheHomeDirectoryAreNamedWithATilde() {
        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home"));
        assertEquals("~/.config/skiff/known_hosts",
                FxHostKeyQuestions.displayPath(home.resolve(".config/skiff/known_hosts")));
        assertEquals("/elsewhere/known_hosts", FxHostKeyQuestions.displayPath(java.nio.file.Path.of("/elsewhere/known_hosts")));
    }

    @Test
    void changedKeyNeedsTheConfirmationBeforeReplacing() {
        ChangedHostKeyViewModel vm = new ChangedHostKeyViewModel(KEY, List.of(
                new StoredHostKey("/s/known_hosts:3", "ssh-ed25519", "SHA256:old", true),
                new StoredHostKey("/home/a/.ssh/known_hosts:9", "ssh-ed25519", "SHA256:older", false)), "/s/known_hosts");
        assertTrue(vm.replaceDisabledProperty().get());
        vm.verifiedProperty().set(true);
        assertFalse(vm.replaceDisabledProperty().get());
        assertEquals("SHA256:old (ssh-ed25519)\nstored in /s/known_hosts:3", vm.storedKeys().get(0));
        assertEquals(2, vm.storedKeys().size());
        assertTrue(vm.replaceHint().contains("other files are left"), vm.replaceHint());
        assertTrue(vm.subtitle().contains("man-in-the-middle"));
    }

    @Test
    void secretPromptSaysWhyItAsksAgainAndClearsTheField() {
        SecretPromptViewModel first = SecretPromptViewModel.password("alice", "host", 1, false);
        assertEquals("", first.error());
        assertEquals("alice@host", first.subject());
        SecretPromptViewModel second = SecretPromptViewModel.password("alice", "host", 2, true);
        assertEquals("Permission denied, please try again.", second.error());
        second.secretProperty().set("pw");
        second.rememberProperty().set(true);
        SecretAnswer answer = second.takeSecret();
        assertArrayEquals("pw".toCharArray(), answer.secret());
        assertTrue(answer.remember());
        assertEquals("", second.secretProperty().get());
        assertFalse(answer.toString().contains("pw"));

        SecretPromptViewModel noVault = SecretPromptViewModel.passphrase("/k/id_ed25519", 2, false);
        noVault.rememberProperty().set(true);
        assertFalse(noVault.takeSecret().remember(), "remember is only honoured when offered");
        assertEquals("Wrong passphrase, please try again.", noVault.error());
    }

    @Test
    void keyboardInteractiveRoundIsOneFormWithServerTextMadeVisible() {
        KeyboardInteractiveViewModel vm = new KeyboardInteractiveViewModel("carol", "h", "Login\u001b[31m", "Do\u202e this\n",
                List.of(new Prompt("Password: ", false), new Prompt("Code\u0007: ", true)));
        assertEquals("Login^[[31m", vm.title());
        assertEquals("Do<U+202E> this", vm.instruction());
        assertEquals("Password:", vm.fields().get(0).label());
        assertFalse(vm.fields().get(0).echo());
        assertEquals("Code^G:", vm.fields().get(1).label());
        assertTrue(vm.fields().get(1).echo());
        vm.fields().get(0).answer().set("pw");
        vm.fields().get(1).answer().set("42");
        char[][] answers = vm.takeAnswers();
        assertArrayEquals("pw".toCharArray(), answers[0]);
        assertArrayEquals("42".toCharArray(), answers[1]);
        assertEquals("", vm.fields().get(0).answer().get());
        assertEquals("Authentication", new KeyboardInteractiveViewModel("u", "h", "", "", List.of()).title());
    }

    @Test
    void passwordChangeIsValidWhenBothNewCopiesMatch() {
        PasswordChangeViewModel vm = new PasswordChangeViewModel("alice", "h", "Password expired\r\n");
        assertEquals("Password expired", vm.prompt());
        assertFalse(vm.validProperty().get());
        vm.oldPasswordProperty().set("old");
        vm.newPasswordProperty().set("new1");
        vm.confirmationProperty().set("new2");
        assertFalse(vm.validProperty().get());
        assertEquals("The new passwords do not match.", vm.problemProperty().get());
        vm.confirmationProperty().set("new1");
        assertTrue(vm.validProperty().get());
        assertEquals("", vm.problemProperty().get());
        PasswordChange change = vm.takeChange();
        assertArrayEquals("old".toCharArray(), change.oldPassword());
        assertArrayEquals("new1".toCharArray(), change.newPassword());
        assertEquals("", vm.newPasswordProperty().get());
    }

    @Test
    void bannerCollectsVisibleText() {
        BannerViewModel vm = new BannerViewModel();
        vm.append("Welcome\r\n");
        vm.append("\u001b[2JAuthorized use only\n");
        vm.append("\n");
        assertEquals("Welcome\n^[[2JAuthorized use only", vm.textProperty().get());
    }
}
