package dev.skiff.ssh;

import java.util.List;

/** User authentication failed (RFC 4252): says which methods were tried and which the server allows. */
public class AuthenticationException extends SshException {
    private static final long serialVersionUID = 1L;
    private final List<String> allowed;

    public AuthenticationException(String message, List<String> allowed) {
        super(message);
        this.allowed = List.copyOf(allowed);
    }

    /** The methods the server said can continue, from its last USERAUTH_FAILURE. */
    public List<String> allowedMethods() {
        return allowed;
    }
}
