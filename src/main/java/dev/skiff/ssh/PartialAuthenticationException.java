package dev.skiff.ssh;

import java.util.List;

/**
 * Some methods succeeded with partial success (RFC 4252 section 5.1, OpenSSH
 * {@code AuthenticationMethods}) but the chain could not be completed: the server still requires
 * one of {@link #allowedMethods()}. {@link #succeededMethods()} lists the partial successes.
 */
public class PartialAuthenticationException extends AuthenticationException {
    private static final long serialVersionUID = 1L;
    private final List<String> succeeded;

    public PartialAuthenticationException(String message, List<String> allowed, List<String> succeeded) {
        super(message, allowed);
        this.succeeded = List.copyOf(succeeded);
    }

    /** The methods that were accepted with partial success, in order. */
    public List<String> succeededMethods() {
        return succeeded;
    }
}
