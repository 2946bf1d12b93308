package dev.skiff.ssh.sftp.server;

import dev.skiff.ssh.SshException;

/**
 * The SFTP session with a client cannot go on: a frame that breaks the framing rules (length 0,
 * larger than {@link SftpProtocol#MAX_PACKET_LENGTH}, cut short by end of input) or a packet before
 * INIT. The server closes the session when it raises this.
 */
public class SftpServerException extends SshException {
    private static final long serialVersionUID = 1L;

    public SftpServerException(String message) {
        super(message);
    }

    public SftpServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
