package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;

/**
 * An encrypted key file could not be decrypted with the passphrase given: a check value, padding,
 * MAC or authentication tag did not match. (A corrupted file can look the same; key formats
 * cannot tell the two apart.)
 */
public class WrongPassphraseException extends KeyFormatException {
    private static final long serialVersionUID = 1L;

    public WrongPassphraseException(String message) {
        super(message);
    }
}
