package dev.skiff.ssh.userauth;

/**
 * Supplies passwords for the {@code password} method (RFC 4252 section 8). The CLI reads from the
 * terminal without echo; the GUI shows a dialog and waits for it with a timeout.
 *
 * <p>Called on the authenticating worker thread, never on the transport's reader thread; may
 * block while the user types. Returned arrays belong to the caller of the SPI afterwards: Skiff
 * wipes them after sending.
 */
public interface PasswordProvider {
    /**
     * The password for {@code user@host}.
     *
     * @param attempt 1 for the first prompt; higher after the server refused the previous password
     *     (a front end says "Permission denied, please try again")
     * @return the password, or {@code null} to cancel authentication
     */
    char[] password(String user, String host, int attempt);

    /**
     * The server demands a password change (SSH_MSG_USERAUTH_PASSWD_CHANGEREQ, RFC 4252 section 8).
     * {@code prompt} is untrusted server text (see {@link UntrustedText#visible}); it is repeated
     * with another text when the server refused the previous new password. The default cancels.
     *
     * @return the old and the new password, or {@code null} to cancel authentication
     */
    default PasswordChange changePassword(String user, String host, String prompt) {
        return null;
    }

    /**
     * A provider that answers the first prompt with a copy of {@code password} and cancels any
     * further prompt or change request (for a password given up front, with
     * {@code numberOfPasswordPrompts(1)}). The caller keeps and wipes {@code password}.
     */
    static PasswordProvider of(char[] password) {
        return (user, host, attempt) -> attempt == 1 ? password.clone() : null;
    }
}
