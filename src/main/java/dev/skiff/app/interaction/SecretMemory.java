package dev.skiff.app.interaction;

import java.util.Optional;

/**
 * Where {@link FxInteraction} keeps secrets the user asked it to remember ("Remember in vault").
 * The app backs it with its encrypted vault. Called on worker threads; implementations must be
 * thread-safe and may block briefly. Returned and passed arrays are copies: the caller wipes its
 * own.
 */
public interface SecretMemory {

    /** The remembered secret for {@code secretId}, as a fresh array, or empty. */
    Optional<char[]> recall(String secretId);

    /** Remembers a copy of {@code secret} under {@code secretId}, replacing any earlier one. */
    void remember(String secretId, char[] secret);

    /** Forgets {@code secretId} (a remembered secret turned out to be wrong). Default: nothing. */
    default void forget(String secretId) {
    }

    /** The id of the login password of {@code user@host}: {@code password:user@host}. */
    static String passwordId(String user, String host) {
        return "password:" + user + "@" + host;
    }

    /** The id of a key file's passphrase: {@code passphrase:} and the key description (its path). */
    static String passphraseId(String keyDescription) {
        return "passphrase:" + keyDescription;
    }
}
