package dev.skiff.ssh.sftp.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of an {@link SftpServer}.
 *
 * @param root the directory clients see as "/" (also their home); nothing outside it is reachable
 * @param readOnly refuse every modifying request with PERMISSION_DENIED (as {@code sftp-server -R})
 * @param maxHandles most handles open at once in one session (1..65536)
 * @param home where relative paths start, as clients see it (an absolute path inside the root;
 *        {@code "/"} = the root): REALPATH of {@code "."} answers it, so a client starts there
 */
public record SftpServerConfig(Path root, boolean readOnly, int maxHandles, String home) {
    public SftpServerConfig {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(home, "home");
        if (!home.startsWith("/") || home.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("home must be an absolute path: " + home);
        }
        if (maxHandles < 1 || maxHandles > 65536) {
            throw new IllegalArgumentException("maxHandles out of range: " + maxHandles);
        }
    }

    /** Read-write, {@link SftpProtocol#DEFAULT_MAX_HANDLES} handles. */
    public static SftpServerConfig of(Path root) {
        return new SftpServerConfig(root, false, SftpProtocol.DEFAULT_MAX_HANDLES);
    }

    /** Read-write with the root's own home {@code "/"}. */
    public SftpServerConfig(Path root, boolean readOnly, int maxHandles) {
        this(root, readOnly, maxHandles, "/");
    }

    public SftpServerConfig withReadOnly(boolean ro) {
        return new SftpServerConfig(root, ro, maxHandles, home);
    }

    /**
     * Clients start in {@code home} (as sshd starts sessions in the user's home directory):
     * the whole file system as the root and the user's home here is how a plain server behaves.
     */
    public SftpServerConfig withHome(String home) {
        return new SftpServerConfig(root, readOnly, maxHandles, home);
    }
}
