package dev.skiff.ssh.sftp;

/**
 * SFTP version 3 status codes (draft-ietf-secsh-filexfer-02 section 7, {@code SSH_FX_*}).
 * Codes of later versions map to {@link #UNKNOWN}; the exception keeps the raw code.
 */
public enum SftpStatus {
    OK(0, "Success"),
    EOF(1, "End of file"),
    NO_SUCH_FILE(2, "No such file"),
    PERMISSION_DENIED(3, "Permission denied"),
    /** Generic failure; OpenSSH also uses it for "directory not empty" and "file exists" in v3. */
    FAILURE(4, "Failure"),
    BAD_MESSAGE(5, "Bad message"),
    NO_CONNECTION(6, "No connection"),
    CONNECTION_LOST(7, "Connection lost"),
    OP_UNSUPPORTED(8, "Operation unsupported"),
    UNKNOWN(-1, "Unknown status");

    private final int code;
    private final String description;

    SftpStatus(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static SftpStatus of(long code) {
        for (SftpStatus s : values()) {
            if (s.code == code && s != UNKNOWN) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
