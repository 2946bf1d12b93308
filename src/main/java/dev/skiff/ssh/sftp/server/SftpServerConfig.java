package dev.skiff.ssh.sftp.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of an {@link SftpServer}.
 *
 * @param root the directory clients see as "/" (also their home); nothing outside it is reachable
 * @param readOnly refuse every modifying request with PERMISSION_DENIED (as {@code sftp-server -R})
 * @param maxHandles most handles open at once in one session (1..65536)
 */
public record SftpServerConfig(Path root, boolean readOnly, int maxHandles) {
    public SftpServerConfig {
        Objects.requireNonNull(root, "root");
        if (maxHandles < 1 || maxHandles > 65536) {
            throw new IllegalArgumentException("maxHandles out of range: " + maxHandles);
        }
    }

    /** Read-write, {@link SftpProtocol#DEFAULT_MAX_HANDLES} handles. */
    public static SftpServerConfig of(Path root) {
        return new SftpServerConfig(root, false, SftpProtocol.DEFAULT_MAX_HANDLES);
    }

    public SftpServerConfig withReadOnly(boolean ro) {
        return new SftpServerConfig(root, ro, maxHandles);
    }
}
