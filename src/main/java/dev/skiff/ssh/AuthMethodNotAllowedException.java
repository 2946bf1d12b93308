package dev.skiff.ssh;

import java.util.List;

/**
 * The server allows no authentication method this client can perform with what it was given
 * (RFC 4252 section 5.1: the name-list of USERAUTH_FAILURE). {@link #allowedMethods()} says what
 * the server would accept, e.g. only {@code gssapi-with-mic}, or {@code password} when no
 * password provider was configured.
 */
public class AuthMethodNotAllowedException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public AuthMethodNotAllowedException(String message, List<String> allowed) {
        super(message, allowed);
    }
}
