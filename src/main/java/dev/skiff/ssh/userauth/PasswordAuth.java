package dev.skiff.ssh.userauth;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.wire.SshMessages;
import dev.skiff.ssh.wire.WireWriter;
import java.util.Arrays;

/**
 * The {@code password} method (RFC 4252 section 8). Request fields: boolean FALSE, string password;
 * or, answering SSH_MSG_USERAUTH_PASSWD_CHANGEREQ, boolean TRUE, string old password, string new
 * password. The server may answer a change with another PASSWD_CHANGEREQ (new password refused);
 * each is put to {@link PasswordProvider#changePassword}, at most {@link #MAX_CHANGE_ROUNDS} times.
 *
 * <p>Secrets: password bytes and the writer's buffer are wiped after encoding; the caller's
 * {@code char[]} is wiped by the caller. The finished payload is handed to the transport, which
 * may queue it during a key exchange, so it is not wiped here.
 */
final class PasswordAuth {
    static final int MAX_CHANGE_ROUNDS = 3;

    private PasswordAuth() {
    }

    /**
     * Sends {@code password}; answers change requests through {@code provider}. Returns
     * {@link UserauthSuccess} or the {@link UserauthFailure}. Worker thread; blocks.
     *
     * @throws dev.skiff.ssh.AuthenticationCancelledException when the provider cancels a change
     */
    static AuthReply attempt(UserAuthClient c, char[] password, PasswordProvider provider, String host)
            throws SshException {
        c.send(payload(c.user(), password, null), AuthState.PASSWORD);
        AuthReply reply = c.await();
        for (int round = 0; reply instanceof UserauthPasswdChangereq req; round++) {
            if (round == MAX_CHANGE_ROUNDS) {
                throw new SshException("the server refused " + MAX_CHANGE_ROUNDS + " new passwords for " + c.user() + "@"
                        + host);
            }
            PasswordChange change = provider.changePassword(c.user(), host, req.prompt());
            if (change == null) {
                throw c.cancelled(host, "password change");
            }
            try {
                c.send(payload(c.user(), change.oldPassword(), change.newPassword()), AuthState.PASSWORD);
            } finally {
                change.wipe();
            }
            reply = c.await();
        }
        return reply;
    }

    /** Big enough that the writer never grows (growing would leave an unwiped copy behind). */
    private static int capacity(String user, char[] password, char[] newPassword) {
        return 64 + 3 * user.length() + 3 * password.length + (newPassword == null ? 0 : 3 * newPassword.length);
    }

    /** USERAUTH_REQUEST for password; a change when {@code newPassword} is not null. */
    static byte[] payload(String user, char[] password, char[] newPassword) {
        WireWriter w = new WireWriter(capacity(user, password, newPassword)).byteValue(SshMessages.USERAUTH_REQUEST).utf8(user)
                .utf8(UserAuthClient.SERVICE).utf8("password").bool(newPassword != null);
        byte[] first = Secrets.utf8Bytes(password);
        byte[] second = newPassword == null ? null : Secrets.utf8Bytes(newPassword);
        try {
            w.string(first);
            if (second != null) {
                w.string(second);
            }
            return w.toByteArray();
        } finally {
            Arrays.fill(first, (byte) 0);
            if (second != null) {
                Arrays.fill(second, (byte) 0);
            }
            w.wipe();
        }
    }
}
