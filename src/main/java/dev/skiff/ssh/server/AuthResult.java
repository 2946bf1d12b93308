package dev.skiff.ssh.server;

/**
 * A policy's verdict on one authentication step (RFC 4252 section 5.1). {@link #PARTIAL} means
 * the method succeeded but more are needed (a chain such as {@code publickey,keyboard-interactive}):
 * the client gets USERAUTH_FAILURE with partial success set, and it does not count as a failure.
 */
public enum AuthResult {
    SUCCESS,
    PARTIAL,
    FAILURE
}
