package dev.skiff.ssh;

import dev.skiff.ssh.sftp.SftpStatus;

/**
 * An SFTP request failed: the server answered {@code SSH_FXP_STATUS} with an error code
 * (draft-ietf-secsh-filexfer-02 section 7), or the SFTP session broke. Carries the
 * {@link SftpStatus} (and the raw code, for codes beyond version 3) and the path concerned, so the
 * message reads like "No such file: /x/y".
 */
public class SftpException extends SshException {
    private static final long serialVersionUID = 1L;
    private final SftpStatus status;
    private final long code;
    private final String path;

    /** A status from the server for an operation on {@code path} (may be null). */
    public SftpException(long code, String serverMessage, String path) {
        super(text(SftpStatus.of(code), code, serverMessage, path));
        this.status = SftpStatus.of(code);
        this.code = code;
        this.path = path;
    }

    /** A local or session-level failure with the given status (e.g. CONNECTION_LOST). */
    public SftpException(SftpStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = status.code();
        this.path = null;
    }

    public SftpException(SftpStatus status, String message) {
        this(status, message, null);
    }

    private static String text(SftpStatus s, long code, String serverMessage, String path) {
        String base = s == SftpStatus.UNKNOWN ? "SFTP status " + code : s.description();
        String msg = serverMessage == null ? "" : printable(serverMessage);
        if (!msg.isBlank() && !msg.equalsIgnoreCase(base) && !msg.equalsIgnoreCase(s.description())) {
            base = base + " (" + msg + ")";
        }
        return path == null ? base : base + ": " + path;
    }

    /** Server text is untrusted (DESIGN.md section 3): control characters are made visible. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 256));
        for (int i = 0; i < s.length() && i < 256; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }

    public SftpStatus status() {
        return status;
    }

    /** The raw status code (equal to {@code status().code()} unless the status is UNKNOWN). */
    public long code() {
        return code;
    }

    /** The path the failed operation was about, or null. */
    public String path() {
        return path;
    }
}
