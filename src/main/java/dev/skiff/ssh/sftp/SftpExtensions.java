package dev.skiff.ssh.sftp;

import dev.skiff.ssh.wire.WireWriter;

/**
 * Names and request-data encoders of the extended requests Skiff uses (OpenSSH PROTOCOL section
 * 4; {@code home-directory} and {@code copy-data} from draft-ietf-secsh-filexfer-13 / OpenSSH
 * 9.x). A request is sent only when the server's VERSION advertises its name.
 */
public final class SftpExtensions {
    /** {@code string oldpath, string newpath} → STATUS; POSIX rename(2): replaces the target. */
    public static final String POSIX_RENAME = "posix-rename@openssh.com";
    /** {@code string path} → EXTENDED_REPLY with {@link StatVfs}. */
    public static final String STATVFS = "statvfs@openssh.com";
    /** {@code string handle} → EXTENDED_REPLY with {@link StatVfs}. */
    public static final String FSTATVFS = "fstatvfs@openssh.com";
    /** {@code string oldpath, string newpath} → STATUS; link(2). */
    public static final String HARDLINK = "hardlink@openssh.com";
    /** {@code string handle} → STATUS; fsync(2). */
    public static final String FSYNC = "fsync@openssh.com";
    /** {@code string path, ATTRS attrs} → STATUS; SETSTAT without following a final symlink. */
    public static final String LSETSTAT = "lsetstat@openssh.com";
    /** (no data) → EXTENDED_REPLY with {@link SftpLimits}. */
    public static final String LIMITS = "limits@openssh.com";
    /** {@code string path} → NAME; expands a leading {@code ~} or {@code ~user}. */
    public static final String EXPAND_PATH = "expand-path@openssh.com";
    /** {@code string username} ("" for the session's user) → NAME with the home directory. */
    public static final String HOME_DIRECTORY = "home-directory";
    /**
     * {@code string read-handle, uint64 read-offset, uint64 read-length (0: to EOF), string
     * write-handle, uint64 write-offset} → STATUS; the server copies without sending the data.
     */
    public static final String COPY_DATA = "copy-data";
    /** See {@link UsersGroups}. */
    public static final String USERS_GROUPS_BY_ID = "users-groups-by-id@openssh.com";

    private SftpExtensions() {
    }

    public static byte[] paths(String first, String second) {
        return new WireWriter().utf8(first).utf8(second).toByteArray();
    }

    public static byte[] path(String path) {
        return new WireWriter().utf8(path).toByteArray();
    }

    public static byte[] handle(byte[] handle) {
        return new WireWriter().string(handle).toByteArray();
    }

    public static byte[] pathAttrs(String path, SftpAttributes attrs) {
        WireWriter w = new WireWriter().utf8(path);
        attrs.encode(w);
        return w.toByteArray();
    }

    public static byte[] copyData(byte[] readHandle, long readOffset, long length, byte[] writeHandle, long writeOffset) {
        return new WireWriter().string(readHandle).uint64(readOffset).uint64(length).string(writeHandle)
                .uint64(writeOffset).toByteArray();
    }
}
