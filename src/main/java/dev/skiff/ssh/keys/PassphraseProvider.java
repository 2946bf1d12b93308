package dev.skiff.ssh.keys;

/**
 * Asks for the passphrase of an encrypted key file. Called by {@link PrivateKeyFiles} only when
 * the file is encrypted, on the thread that reads the key (a worker, never the FX thread: an
 * implementation may block while a dialog is open). Called again with a higher {@code attempt}
 * after a wrong passphrase, at most {@link PrivateKeyFiles#MAX_ATTEMPTS} times.
 *
 * <p>The reader wipes the returned array after use; implementations must hand over a fresh array.
 */
@FunctionalInterface
public interface PassphraseProvider {
    /**
     * @param keyDescription what to name in the prompt (usually the file path)
     * @param attempt 1 for the first question, 2 after one wrong passphrase, ...
     * @return the passphrase, or null when the user cancelled
     */
    char[] passphrase(String keyDescription, int attempt);

    /** A provider for unattended use: every encrypted key counts as cancelled. */
    static PassphraseProvider none() {
        return (description, attempt) -> null;
    }

    /** Always answers with a copy of {@code passphrase} (for tests and non-interactive tools). */
    static PassphraseProvider of(char[] passphrase) {
        char[] copy = passphrase.clone();
        return (description, attempt) -> copy.clone();
    }
}
