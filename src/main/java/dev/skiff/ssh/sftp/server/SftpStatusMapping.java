package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * Maps Java file-system exceptions to SFTP v3 status codes and messages (filexfer-02 section 7),
 * following OpenSSH's errno mapping: ENOENT/ENOTDIR/ELOOP → NO_SUCH_FILE, EACCES/EPERM →
 * PERMISSION_DENIED, everything else → FAILURE with a short reason. Messages never contain host
 * paths (Java's exception messages do, so only reasons and fixed texts are used).
 */
public final class SftpStatusMapping {
    private SftpStatusMapping() {
    }

    /** A status code with its message. */
    public record Status(int code, String message) {
        public static Status of(int code) {
            return new Status(code, statusText(code));
        }
    }

    public static Status of(Exception e) {
        if (e instanceof dev.skiff.ssh.ProtocolException) {
            return Status.of(FX_BAD_MESSAGE);
        }
        if (e instanceof java.nio.channels.NonWritableChannelException
                || e instanceof java.nio.channels.NonReadableChannelException) {
            return Status.of(FX_PERMISSION_DENIED);
        }
        if (e instanceof PathEscapeException) {
            return new Status(FX_PERMISSION_DENIED, statusText(FX_PERMISSION_DENIED));
        }
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException
                || e instanceof FileSystemLoopException) {
            return Status.of(FX_NO_SUCH_FILE);
        }
        if (e instanceof AccessDeniedException || e instanceof ReadOnlyFileSystemException
                || e instanceof SecurityException) {
            return Status.of(FX_PERMISSION_DENIED);
        }
        if (e instanceof FileAlreadyExistsException) {
            return new Status(FX_FAILURE, "File exists");
        }
        if (e instanceof DirectoryNotEmptyException) {
            return new Status(FX_FAILURE, "Directory not empty");
        }
        if (e instanceof NotLinkException) {
            return new Status(FX_FAILURE, "Not a symbolic link");
        }
        if (e instanceof UnsupportedOperationException) {
            return Status.of(FX_OP_UNSUPPORTED);
        }
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            if (reason == null) {
                return Status.of(FX_FAILURE);
            }
            if (reason.contains("Operation not permitted") || reason.contains("Permission denied")) {
                return Status.of(FX_PERMISSION_DENIED);
            }
            if (reason.contains("Too many levels of symbolic links") || reason.contains("Not a directory")) {
                return Status.of(FX_NO_SUCH_FILE);
            }
            return new Status(FX_FAILURE, reason);
        }
        if (e instanceof IOException && e.getMessage() != null && !e.getMessage().contains("/")) {
            return new Status(FX_FAILURE, e.getMessage());
        }
        return Status.of(FX_FAILURE);
    }
}
