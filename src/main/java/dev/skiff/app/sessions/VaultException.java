package dev.skiff.app.sessions;

/** The vault could not be created, opened or written; the message is user-facing. */
public class VaultException extends Exception {
    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The master password does not open the vault. */
    public static final class WrongMasterPasswordException extends VaultException {
        private static final long serialVersionUID = 1L;

        public WrongMasterPasswordException() {
            super("Wrong master password");
        }
    }
}
