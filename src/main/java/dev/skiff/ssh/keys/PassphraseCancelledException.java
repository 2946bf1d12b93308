package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;

/** The user declined to give the passphrase of an encrypted key file ({@link PassphraseProvider} returned null). */
public class PassphraseCancelledException extends KeyFormatException {
    private static final long serialVersionUID = 1L;

    public PassphraseCancelledException(String message) {
        super(message);
    }
}
