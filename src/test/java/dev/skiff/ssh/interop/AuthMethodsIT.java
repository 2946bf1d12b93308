package dev.skiff.ssh.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.AuthenticationCancelledException;
import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.userauth.AuthenticationPlan;
import dev.skiff.ssh.userauth.Identity;
import dev.skiff.ssh.userauth.KeyboardInteractiveHandler;
import dev.skiff.ssh.userauth.PasswordProvider;
import dev.skiff.ssh.userauth.Prompt;
import dev.skiff.testing.OpenSshServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each authentication method alone against a real OpenSSH sshd (PAM on, so keyboard-interactive
 * asks PAM's "Password: "), wrong and cancelled credentials, and a banner with control characters.
 * Password and keyboard-interactive need a local test user, which needs root (see
 * {@link OpenSshServer#requirePasswordUser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthMethodsIT {
    static final String TEST_USER = "skiff-auth-test";
    static final String TEST_PASSWORD = "Skiff-auth-test-9";
    static final String BANNER = "Authorized use only\u001b[31m!\u0007\r\nline two \u00e4\n";
    private static final SshKeyPair ED25519 = SshKeyGenerator.generate("ssh-ed25519", 0);
    private static final SshKeyPair ECDSA = SshKeyGenerator.generate("ecdsa-sha2-nistp256", 0);
    private static final SshKeyPair RSA = SshKeyGenerator.generate("ssh-rsa", 2048);
    private static final SshKeyPair STRANGER = SshKeyGenerator.generate("ssh-ed25519", 0);

    private OpenSshServer sshd;
    private PeerMatrix peer;

    @BeforeAll
    void start() throws Exception {
        sshd = OpenSshServer.builder().hostKeyTypes("ed25519").config("UsePAM yes").config("PasswordAuthentication yes")
                .config("KbdInteractiveAuthentication yes").banner(BANNER).allowOtherUsers()
                .authorizedKey(ED25519.publicKey().toOpenSshString()).authorizedKey(ECDSA.publicKey().toOpenSshString())
                .authorizedKey(RSA.publicKey().toOpenSshString()).start();
        peer = new PeerMatrix(sshd.host(), sshd.port(), sshd.knownHostsText(), Files.createTempDirectory("skiff-auth-it"),
                false);
    }

    @AfterAll
    void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private SshConnection connect() throws Exception {
        return peer.connect(PeerMatrix.base().build());
    }

    static PasswordProvider passwords(List<String> asked, String... answers) {
        return (user, host, attempt) -> {
            asked.add(user + "@" + host + " #" + attempt);
            return attempt <= answers.length ? answers[attempt - 1].toCharArray() : null;
        };
    }

    static KeyboardInteractiveHandler kbd(List<String> asked, String... answers) {
        return (user, host, name, instruction, prompts) -> {
            asked.add(prompts.toString());
            int round = asked.size();
            if (round > answers.length) {
                return null;
            }
            char[][] a = new char[prompts.size()][];
            for (int i = 0; i < a.length; i++) {
                a[i] = answers[round - 1].toCharArray();
            }
            return a;
        };
    }

    @Test
    void publicKeyWithEachKeyTypeAndBanner() throws Exception {
        for (SshKeyPair k : List.of(ED25519, ECDSA, RSA)) {
            List<String> banners = new ArrayList<>();
            try (SshConnection c = connect()) {
                c.authenticate(AuthenticationPlan.builder(sshd.user()).identity(Identity.of(k, k.publicKey().keyType()))
                        .bannerListener(banners::add).build());
                c.ping(Duration.ofSeconds(10));
                assertEquals(List.of(BANNER), banners, "raw banner, control characters preserved");
            }
        }
        assertTrue(sshd.logText().contains("rsa-sha2-512"), "RSA signed with rsa-sha2-512 (server-sig-algs)");
    }

    @Test
    void wrongKeyThenRightKey() throws Exception {
        try (SshConnection c = connect()) {
            c.authenticate(AuthenticationPlan.builder(sshd.user()).identity(Identity.of(STRANGER, "stranger"))
                    .identity(Identity.of(ED25519, "good")).build());
            c.ping(Duration.ofSeconds(10));
        }
    }

    @Test
    void passwordAlone() throws Exception {
        String user = OpenSshServer.requirePasswordUser(TEST_USER, TEST_PASSWORD);
        List<String> asked = new ArrayList<>();
        List<String> events = new ArrayList<>();
        try (SshConnection c = connect()) {
            c.authenticate(AuthenticationPlan.builder(user).preferredMethods(List.of("password"))
                    .bannerListener(b -> events.add("banner")).passwordProvider((u, h, a) -> {
                        events.add("prompt");
                        return passwords(asked, TEST_PASSWORD).password(u, h, a);
                    }).build());
            c.ping(Duration.ofSeconds(10));
        }
        assertEquals(List.of("banner", "prompt"), events, "the banner arrives before the prompt");
        assertEquals(List.of(user + "@" + "[127.0.0.1]:" + sshd.port() + " #1"), asked);
    }

    @Test
    void convenienceWithAPasswordGivenUpFront() throws Exception {
        String user = OpenSshServer.requirePasswordUser(TEST_USER, TEST_PASSWORD);
        char[] pw = TEST_PASSWORD.toCharArray();
        try (SshConnection c = connect()) {
            c.authenticatePassword(user, pw);
            c.ping(Duration.ofSeconds(10));
        }
        assertArrayEquals(TEST_PASSWORD.toCharArray(), pw, "the caller's array is the caller's to wipe");
    }

    @Test
    void wrongPasswordThenRight() throws Exception {
        String user = OpenSshServer.requirePasswordUser(TEST_USER, TEST_PASSWORD);
        List<String> asked = new ArrayList<>();
        try (SshConnection c = connect()) {
            c.authenticate(AuthenticationPlan.builder(user).preferredMethods(List.of("password"))
                    .passwordProvider(passwords(asked, "wrong", TEST_PASSWORD)).build());
            c.ping(Duration.ofSeconds(10));
        }
        assertEquals(2, asked.size());
    }

    @Test
    void allPasswordsWrong() throws Exception {
        String user = OpenSshServer.requirePasswordUser(TEST_USER, TEST_PASSWORD);
        List<String> asked = new ArrayList<>();
        try (SshConnection c = connect()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.authenticate(
                    AuthenticationPlan.builder(user).identity(Identity.of(STRANGER, "stranger"))
                            .passwordProvider(passwords(asked, "bad1", "bad2", "bad3", "bad4")).build()));
            assertEquals("Authentication failed for " + user + "@[127.0.0.1]:" + sshd.port()
                    + ": tried publickey, password; the server allows publickey,password,keyboard-interactive",
                    e.getMessage());
            assertFalse(e instanceof AuthenticationCancelledException);
            assertTrue(c.isOpen(), "stopped below MaxAuthTries 6: 1 key + 3 passwords");
        }
        assertEquals(3, asked.size(), "NumberOfPasswordPrompts");
    }

    @Test
    void cancelledPasswordPrompt() throws Exception {
        String user = OpenSshServer.requirePasswordUser(TEST_USER, TEST_PASSWORD);
        try (SshConnection c = connect()) {
            assertThrows(AuthenticationCancelledException.class, () -> c.authenticate(AuthenticationPlan.builder(user)
                    .passwordProvider((u, h, a) -> null).build()));
        }
    }

    @Test
    void keyboardInteractiveAlone() throws Exception {
        String user = OpenSshServer.requirePasswordUser(TEST_USER, TEST_PASSWORD);
        List<String> asked = new ArrayList<>();
        try (SshConnection c = connect()) {
            c.authenticate(AuthenticationPlan.builder(user).keyboardInteractiveHandler(kbd(asked, TEST_PASSWORD)).build());
            c.ping(Duration.ofSeconds(10));
        }
        assertEquals(List.of(List.of(new Prompt("Password: ", false)).toString()), asked);
    }

    @Test
    void keyboardInteractiveWrongThenRight() throws Exception {
        String user = OpenSshServer.requirePasswordUser(TEST_USER, TEST_PASSWORD);
        List<String> asked = new ArrayList<>();
        try (SshConnection c = connect()) {
            c.authenticate(AuthenticationPlan.builder(user)
                    .keyboardInteractiveHandler(kbd(asked, "wrong", TEST_PASSWORD)).build());
            c.ping(Duration.ofSeconds(10));
        }
        assertEquals(2, asked.size());
    }

    @Test
    void cancelledKeyboardInteractivePrompt() throws Exception {
        String user = OpenSshServer.requirePasswordUser(TEST_USER, TEST_PASSWORD);
        try (SshConnection c = connect()) {
            assertThrows(AuthenticationCancelledException.class, () -> c.authenticate(AuthenticationPlan.builder(user)
                    .keyboardInteractiveHandler((u, h, n, i, p) -> null).build()));
        }
    }
}
