package dev.skiff.ssh.interop;

import static dev.skiff.ssh.interop.AuthMethodsIT.TEST_PASSWORD;
import static dev.skiff.ssh.interop.AuthMethodsIT.TEST_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.AuthMethodNotAllowedException;
import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.PartialAuthenticationException;
import dev.skiff.ssh.PeerDisconnectedException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.userauth.AuthenticationPlan;
import dev.skiff.ssh.userauth.Identity;
import dev.skiff.testing.OpenSshServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OpenSSH {@code AuthenticationMethods} chains (partial success, RFC 4252 section 5.1) and
 * {@code MaxAuthTries} against a real sshd.
 */
class AuthChainIT {
    private static final SshKeyPair KEY = SshKeyGenerator.generate("ssh-ed25519", 0);

    private static OpenSshServer server(String... config) {
        OpenSshServer.Builder b = OpenSshServer.builder().hostKeyTypes("ed25519").config("UsePAM yes")
                .config("PasswordAuthentication yes").config("KbdInteractiveAuthentication yes").allowOtherUsers()
                .authorizedKey(KEY.publicKey().toOpenSshString());
        for (String line : config) {
            b.config(line);
        }
        return b.start();
    }

    private static SshConnection connect(OpenSshServer sshd) throws Exception {
        return new PeerMatrix(sshd.host(), sshd.port(), sshd.knownHostsText(), Files.createTempDirectory("skiff-auth-it"),
                false).connect(PeerMatrix.base().build());
    }

    private static List<Identity> wrongKeys(int n) {
        List<Identity> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Identity.of(SshKeyGenerator.generate("ssh-ed25519", 0), "wrong" + i));
        }
        return ids;
    }

    @Test
    void publicKeyThenPassword() throws Exception {
        String user = OpenSshServer.requirePasswordUser(TEST_USER, TEST_PASSWORD);
        try (OpenSshServer sshd = server("AuthenticationMethods publickey,password")) {
            List<String> asked = new ArrayList<>();
            try (SshConnection c = connect(sshd)) {
                c.authenticate(AuthenticationPlan.builder(user).identity(Identity.of(KEY, "key"))
                        .passwordProvider(AuthMethodsIT.passwords(asked, TEST_PASSWORD)).build());
                c.ping(Duration.ofSeconds(10));
            }
            assertEquals(1, asked.size());
            assertTrue(sshd.logText().contains("Partial publickey"), "sshd logged the partial success");
            // without the second factor: a partial authentication, not a plain failure
            try (SshConnection c = connect(sshd)) {
                PartialAuthenticationException e = assertThrows(PartialAuthenticationException.class,
                        () -> c.authenticate(AuthenticationPlan.builder(user).identity(Identity.of(KEY, "key")).build()));
                assertEquals(List.of("publickey"), e.succeededMethods());
                assertEquals(List.of("password"), e.allowedMethods());
            }
        }
    }

    @Test
    void publicKeyThenKeyboardInteractive() throws Exception {
        String user = OpenSshServer.requirePasswordUser(TEST_USER, TEST_PASSWORD);
        try (OpenSshServer sshd = server("AuthenticationMethods publickey,keyboard-interactive")) {
            List<String> asked = new ArrayList<>();
            try (SshConnection c = connect(sshd)) {
                c.authenticate(AuthenticationPlan.builder(user).identities(wrongKeys(1)).identity(Identity.of(KEY, "key"))
                        .keyboardInteractiveHandler(AuthMethodsIT.kbd(asked, TEST_PASSWORD))
                        .passwordProvider((u, h, a) -> {
                            throw new AssertionError("password is not part of the chain");
                        }).build());
                c.ping(Duration.ofSeconds(10));
            }
            assertEquals(1, asked.size());
            // only password available on our side: the server does not allow it
            try (SshConnection c = connect(sshd)) {
                AuthMethodNotAllowedException e = assertThrows(AuthMethodNotAllowedException.class,
                        () -> c.authenticate(AuthenticationPlan.builder(user)
                                .passwordProvider(AuthMethodsIT.passwords(asked, TEST_PASSWORD)).build()));
                assertEquals(List.of("publickey"), e.allowedMethods());
            }
        }
    }

    @Test
    void stopsBeforeMaxAuthTriesDisconnects() throws Exception {
        try (OpenSshServer sshd = server("MaxAuthTries 2")) {
            List<Identity> ids = wrongKeys(3);
            try (SshConnection c = connect(sshd)) {
                AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.authenticate(
                        AuthenticationPlan.builder(sshd.user()).identities(ids).maxAuthTries(2).build()));
                assertTrue(e.getMessage().startsWith("Authentication failed for " + sshd.user() + "@[127.0.0.1]:"
                        + sshd.port() + ": tried publickey; the server allows publickey,password,keyboard-interactive"),
                        e.getMessage());
                assertTrue(e.getMessage().contains("MaxAuthTries of 2"), e.getMessage());
                assertTrue(c.isOpen(), "we stopped before the server disconnected");
                c.authenticate(AuthenticationPlan.builder(sshd.user()).identity(Identity.of(KEY, "key")).build());
                c.ping(Duration.ofSeconds(10));
            }
            assertTrue(!sshd.logText().contains("maximum authentication attempts exceeded"), sshd.logText());
            // assuming the default 6, the server's disconnect is still reported as a failed authentication
            try (SshConnection c = connect(sshd)) {
                AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.authenticate(
                        AuthenticationPlan.builder(sshd.user()).identities(ids).build()));
                assertInstanceOf(PeerDisconnectedException.class, e.getCause(), e.toString());
                assertTrue(e.getMessage().contains("Too many authentication failures"), e.getMessage());
            }
        }
    }
}
