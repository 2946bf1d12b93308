package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;

/**
 * A parsed private key file whose private part may still be encrypted. Each format parses its
 * outer structure once into one of these; {@link PrivateKeyFiles} then asks for passphrases.
 */
interface LockedKey {
    /** Whether {@link #unlock} needs a passphrase. */
    boolean encrypted();

    /** The public key if the format stores it in the clear, else null. */
    SshPublicKey publicKey();

    /** The comment if the format stores it in the clear, else null. */
    default String publicComment() {
        return null;
    }

    /**
     * Decrypts (when encrypted) and decodes the private key. The caller wipes the passphrase.
     *
     * @param passphrase ignored when not encrypted
     * @throws WrongPassphraseException when a check value, padding or MAC shows a wrong passphrase
     * @throws KeyFormatException when the contents are malformed
     */
    SshKeyPair unlock(char[] passphrase) throws KeyFormatException;
}
