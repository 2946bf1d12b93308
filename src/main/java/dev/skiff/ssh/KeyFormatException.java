package dev.skiff.ssh;

/** A key blob or key file could not be read (malformed, unsupported, or wrong passphrase). */
public class KeyFormatException extends SshException {
    private static final long serialVersionUID = 1L;

    public KeyFormatException(String message) {
        super(message);
    }

    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
