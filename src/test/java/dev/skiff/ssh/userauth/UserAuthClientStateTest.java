package dev.skiff.ssh.userauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.ProtocolException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message 60 means PK_OK, PASSWD_CHANGEREQ or INFO_REQUEST depending on the request in progress. */
class UserAuthClientStateTest {
    private static final byte[] PK_OK = new UserauthPkOk("ssh-ed25519", new byte[] {1, 2, 3}).encode();
    private static final byte[] CHANGEREQ = new UserauthPasswdChangereq("expired", "").encode();
    private static final byte[] INFO = new UserauthInfoRequest("n", "i", "", List.of(new Prompt("Password: ", false)))
            .encode();

    @Test
    void message60IsDecodedByState() throws Exception {
        assertInstanceOf(UserauthPkOk.class, AuthState.PUBLICKEY_QUERY.decode(PK_OK));
        assertInstanceOf(UserauthPasswdChangereq.class, AuthState.PASSWORD.decode(CHANGEREQ));
        assertInstanceOf(UserauthInfoRequest.class, AuthState.KEYBOARD_INTERACTIVE.decode(INFO));
    }

    @Test
    void message60WhereItCannotBeIsAProtocolError() {
        for (AuthState s : List.of(AuthState.NONE, AuthState.PUBLICKEY_SIGNED, AuthState.IDLE, AuthState.AUTHENTICATED)) {
            assertThrows(ProtocolException.class, () -> s.decode(PK_OK), s.toString());
        }
        // the same bytes read with the wrong layout fail the bounds checks instead of being misread
        assertThrows(ProtocolException.class, () -> AuthState.KEYBOARD_INTERACTIVE.decode(PK_OK));
        assertThrows(ProtocolException.class, () -> AuthState.PUBLICKEY_QUERY.decode(INFO));
        assertThrows(ProtocolException.class, () -> AuthState.PASSWORD.decode(INFO));
    }

    @Test
    void repliesWithoutARequestOrOfUnknownKindAreProtocolErrors() {
        byte[] failure = FakeAuthTransport.failure(false, "password");
        assertThrows(ProtocolException.class, () -> AuthState.IDLE.decode(failure));
        assertThrows(ProtocolException.class, () -> AuthState.PASSWORD.decode(new byte[] {61, 0, 0, 0, 0}));
        assertThrows(ProtocolException.class, () -> AuthState.PASSWORD.decode(new byte[] {79}));
    }

    @Test
    void clientTracksStateAcrossAConversation() throws Exception {
        // none -> failure; password -> CHANGEREQ (decoded as such), change -> success
        FakeAuthTransport t = new FakeAuthTransport(p -> {
            UserauthRequest r = UserauthRequest.decode(p);
            if (r.method().equals("none")) {
                return List.of(FakeAuthTransport.failure(false, "password"));
            }
            return List.of(r.methodFields()[0] == 0 ? CHANGEREQ : FakeAuthTransport.success());
        });
        UserAuthClient c = new UserAuthClient(t, "bob", Duration.ofSeconds(5), BannerListener.IGNORE);
        assertEquals(false, c.none());
        assertEquals(0, c.failures(), "the initial none is free");
        assertEquals(List.of("password"), c.allowedMethods());
        PasswordProvider changer = new PasswordProvider() {
            @Override
            public char[] password(String user, String host, int attempt) {
                return null;
            }

            @Override
            public PasswordChange changePassword(String user, String host, String prompt) {
                assertEquals("expired", prompt);
                return new PasswordChange("pw".toCharArray(), "new".toCharArray());
            }
        };
        AuthReply r = PasswordAuth.attempt(c, "pw".toCharArray(), changer, "fake");
        assertInstanceOf(UserauthSuccess.class, r);
        assertTrue(c.isAuthenticated());
        assertTrue(t.authenticatedCalled);
        assertThrows(ProtocolException.class, () -> c.handle(51, FakeAuthTransport.failure(false, "x")),
                "nothing but connection messages after success");
    }
}
