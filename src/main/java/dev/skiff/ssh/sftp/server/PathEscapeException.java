package dev.skiff.ssh.sftp.server;

import java.nio.file.AccessDeniedException;

/**
 * A request would reach outside the server's root (or modify the root itself). Answered with
 * SSH_FX_PERMISSION_DENIED. The message names the client's virtual path only, never a host path.
 */
public class PathEscapeException extends AccessDeniedException {
    private static final long serialVersionUID = 1L;

    public PathEscapeException(String virtualPath, String reason) {
        super(virtualPath, null, reason);
    }
}
