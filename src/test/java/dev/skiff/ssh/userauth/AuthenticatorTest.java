package dev.skiff.ssh.userauth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.AuthMethodNotAllowedException;
import dev.skiff.ssh.AuthenticationCancelledException;
import dev.skiff.ssh.AuthenticationException;
import dev.skiff.ssh.PartialAuthenticationException;
import dev.skiff.ssh.PeerDisconnectedException;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whole conversation against an in-memory sshd stand-in ({@link MiniSshd}). */
class AuthenticatorTest {
    private static final SshKeyPair GOOD = SshKeyGenerator.generate("ssh-ed25519", 0);
    private static final List<Identity> WRONG = List.of(key("wrong1"), key("wrong2"), key("wrong3"), key("wrong4"));

    private final MiniSshd sshd = new MiniSshd();
    private final List<String> events = new ArrayList<>();

    private static Identity key(String name) {
        return Identity.of(SshKeyGenerator.generate("ssh-ed25519", 0), name);
    }

    private void run(AuthenticationPlan.Builder plan) throws Exception {
        Authenticator.authenticate(sshd.start(), Duration.ofSeconds(5), plan.build(), "host");
    }

    private AuthenticationPlan.Builder plan() {
        return AuthenticationPlan.builder("alice");
    }

    private PasswordProvider passwords(String... answers) {
        return (user, host, attempt) -> {
            events.add("password prompt " + attempt + " for " + user + "@" + host);
            return attempt <= answers.length ? answers[attempt - 1].toCharArray() : null;
        };
    }

    @Test
    void zeroPromptRoundsAreAnsweredWithoutAsking() throws Exception {
        sshd.stages = List.of(Set.of("keyboard-interactive"));
        sshd.kbdRounds = List.of(new UserauthInfoRequest("", "", "", List.of()),
                new UserauthInfoRequest("", "Welcome", "", List.of()),
                new UserauthInfoRequest("PAM", "", "", List.of(new Prompt("Password: ", false))),
                new UserauthInfoRequest("", "", "", List.of()));
        run(plan().keyboardInteractiveHandler(new KeyboardInteractiveHandler() {
            @Override
            public char[][] answer(String user, String host, String name, String instruction, List<Prompt> prompts) {
                events.add("asked " + name + " " + prompts);
                return new char[][] {"right".toCharArray()};
            }

            @Override
            public void information(String user, String host, String name, String instruction) {
                events.add("info " + instruction);
            }
        }));
        assertEquals(List.of("info Welcome", "asked PAM [Prompt[text=Password: , echo=false]]"), events);
        assertTrue(sshd.transport.authenticatedCalled);
        long emptyResponses = sshd.transport.sent.stream().filter(p -> p[0] == 61 && p.length == 5).count();
        assertEquals(3, emptyResponses);
    }

    @Test
    void passwordChangeRequestGoesThroughTheCallback() throws Exception {
        sshd.stages = List.of(Set.of("password"));
        sshd.passwordExpired = true;
        char[] newPassword = "fresh".toCharArray();
        run(plan().passwordProvider(new PasswordProvider() {
            @Override
            public char[] password(String user, String host, int attempt) {
                return "right".toCharArray();
            }

            @Override
            public PasswordChange changePassword(String user, String host, String prompt) {
                events.add(prompt);
                return new PasswordChange("right".toCharArray(), newPassword);
            }
        }));
        assertEquals(List.of("Your password has expired.\nNew password:"), events);
        assertEquals("fresh", sshd.password);
        assertArrayEquals(new char[5], newPassword, "wiped after sending");
    }

    @Test
    void cancelledPasswordChange() {
        sshd.stages = List.of(Set.of("password"));
        sshd.passwordExpired = true;
        assertThrows(AuthenticationCancelledException.class,
                () -> run(plan().passwordProvider((u, h, a) -> "right".toCharArray())));
    }

    @Test
    void wrongThenRightPasswordAndWipes() throws Exception {
        sshd.stages = List.of(Set.of("password"));
        List<char[]> given = new ArrayList<>();
        run(plan().passwordProvider((u, h, a) -> {
            char[] p = (a == 1 ? "wrong" : "right").toCharArray();
            given.add(p);
            return p;
        }));
        assertEquals(2, given.size());
        given.forEach(p -> assertArrayEquals(new char[5], p));
        assertEquals(1, sshd.failures);
    }

    @Test
    void allPasswordsWrongNamesWhatWasTried() {
        sshd.stages = List.of(Set.of("password", "publickey"));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> run(plan().identities(WRONG.subList(0, 1)).passwordProvider(passwords("a", "b", "c", "d"))));
        assertEquals("Authentication failed for alice@host: tried publickey, password; the server allows publickey,password",
                e.getMessage());
        assertEquals(List.of("publickey", "password"), e.allowedMethods());
        assertEquals(3, events.size(), "NumberOfPasswordPrompts 3");
    }

    @Test
    void cancelledPasswordPrompt() {
        sshd.stages = List.of(Set.of("password"));
        assertThrows(AuthenticationCancelledException.class, () -> run(plan().passwordProvider(passwords())));
    }

    @Test
    void wrongKeyThenRightKey() throws Exception {
        sshd.acceptedKeys.add(GOOD.publicKey());
        run(plan().identity(WRONG.get(0)).identity(Identity.of(GOOD, "good")));
        assertEquals(List.of("none", "publickey", "publickey", "publickey"), sshd.log);
    }

    @Test
    void partialSuccessChainsToTheNextMethod() throws Exception {
        sshd.stages = List.of(Set.of("publickey"), Set.of("password"));
        sshd.acceptedKeys.add(GOOD.publicKey());
        run(plan().identity(Identity.of(GOOD, "good")).passwordProvider(passwords("right")));
        assertEquals(List.of("none", "publickey", "publickey", "password"), sshd.log);
    }

    @Test
    void chainThatCannotBeFinished() {
        sshd.stages = List.of(Set.of("publickey"), Set.of("keyboard-interactive"));
        sshd.acceptedKeys.add(GOOD.publicKey());
        PartialAuthenticationException e = assertThrows(PartialAuthenticationException.class,
                () -> run(plan().identity(Identity.of(GOOD, "good")).passwordProvider(passwords("right"))));
        assertEquals(List.of("publickey"), e.succeededMethods());
        assertEquals(List.of("keyboard-interactive"), e.allowedMethods());
    }

    @Test
    void stopsBeforeMaxAuthTries() {
        sshd.maxAuthTries = 3;
        sshd.stages = List.of(Set.of("publickey", "password"));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> run(plan().identities(WRONG).passwordProvider(passwords("x")).maxAuthTries(3)));
        assertEquals(List.of("none", "publickey", "publickey"), sshd.log);
        assertTrue(e.getMessage().contains("MaxAuthTries of 3"), e.getMessage());
        assertFalse(sshd.transport.closed);
        assertTrue(events.isEmpty(), "no password prompt once the budget is spent");
    }

    @Test
    void serverDisconnectAtItsLimitIsReportedAsAuthenticationFailure() {
        sshd.maxAuthTries = 2;
        sshd.stages = List.of(Set.of("publickey"));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> run(plan().identities(WRONG)));
        assertInstanceOf(PeerDisconnectedException.class, e.getCause());
        assertTrue(e.getMessage().contains("Too many authentication failures"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Authentication failed for alice@host: tried publickey"), e.getMessage());
    }

    @Test
    void nothingWeCanDo() {
        sshd.stages = List.of(Set.of("keyboard-interactive"));
        AuthMethodNotAllowedException e = assertThrows(AuthMethodNotAllowedException.class,
                () -> run(plan().identities(WRONG)));
        assertEquals(List.of("keyboard-interactive"), e.allowedMethods());
        assertEquals(List.of("none"), sshd.log);
    }

    @Test
    void preferredOrderIsHonoured() throws Exception {
        sshd.acceptedKeys.add(GOOD.publicKey());
        run(plan().identity(Identity.of(GOOD, "good")).passwordProvider(passwords("right"))
                .preferredMethods(List.of("password", "publickey")));
        assertEquals(List.of("none", "password"), sshd.log);
    }

    @Test
    void bannerArrivesBeforeThePrompt() throws Exception {
        sshd.stages = List.of(Set.of("password"));
        sshd.banner = "Authorized use only\u001b[2J\r\n";
        run(plan().passwordProvider(passwords("right")).bannerListener(t -> events.add("banner " + t)));
        assertEquals(List.of("banner Authorized use only\u001b[2J\r\n", "password prompt 1 for alice@host"), events);
    }

    @Test
    void replyTimeoutClosesAndFails() {
        FakeAuthTransport silent = new FakeAuthTransport(p -> List.of());
        assertThrows(dev.skiff.ssh.TransportException.class, () -> Authenticator.authenticate(silent,
                Duration.ofMillis(50), plan().build(), "host"));
        assertTrue(silent.closed);
    }

    @Test
    void aSecondCallContinuesTheConversation() throws Exception {
        sshd.maxAuthTries = 3;
        sshd.stages = List.of(Set.of("publickey", "password"));
        UserAuthClient client = new UserAuthClient(sshd.start(), "alice", Duration.ofSeconds(5), BannerListener.IGNORE);
        assertThrows(AuthenticationException.class,
                () -> Authenticator.run(client, plan().identities(WRONG).maxAuthTries(3).build(), "host"));
        Authenticator.run(client, plan().passwordProvider(passwords("right")).build(), "host");
        assertEquals(List.of("none", "publickey", "publickey", "password"), sshd.log, "no second none: it would count");
        assertTrue(client.isAuthenticated());
        Authenticator.run(client, plan().build(), "host");
        assertEquals(4, sshd.log.size(), "already authenticated: nothing sent");
    }
}
