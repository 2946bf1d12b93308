package dev.skiff.ssh;

import java.util.List;

/**
 * The user cancelled a prompt (password, password change, keyboard-interactive round) during
 * user authentication. Nothing more was sent to the server after the cancel; the connection
 * stays open but unauthenticated, and callers normally close it.
 */
public class AuthenticationCancelledException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public AuthenticationCancelledException(String message, List<String> allowed) {
        super(message, allowed);
    }
}
