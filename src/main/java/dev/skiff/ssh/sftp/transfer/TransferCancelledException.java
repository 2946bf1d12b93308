package dev.skiff.ssh.sftp.transfer;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.sftp.SftpStatus;

/** A transfer was stopped through its {@link Cancellation}. */
public final class TransferCancelledException extends SftpException {
    private static final long serialVersionUID = 1L;

    public TransferCancelledException(String path) {
        super(SftpStatus.FAILURE, "transfer cancelled: " + path);
    }
}
