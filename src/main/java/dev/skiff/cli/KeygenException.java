package dev.skiff.cli;

/** A {@code skiff keygen} failure with a message for the user (printed as one line on stderr). */
final class KeygenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeygenException(String message) {
        super(message);
    }
}
