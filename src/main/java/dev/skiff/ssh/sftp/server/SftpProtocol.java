package dev.skiff.ssh.sftp.server;

/**
 * Wire constants of SFTP version 3 (draft-ietf-secsh-filexfer-02) and of the OpenSSH extensions
 * the server implements (OpenSSH {@code PROTOCOL}, sections 4.x), plus the server's hard limits.
 */
public final class SftpProtocol {
    private SftpProtocol() {
    }

    /** The protocol version we speak (filexfer-02 section 4). */
    public static final int VERSION = 3;

    /** Largest accepted packet, counted without the 4-byte length field; larger ends the session. */
    public static final int MAX_PACKET_LENGTH = 256 * 1024;
    /** Largest READ answered (a READ asking for more gets this much) and largest WRITE payload. */
    public static final int MAX_READ_LENGTH = MAX_PACKET_LENGTH - 1024;
    /** Default bound on simultaneously open handles per session. */
    public static final int DEFAULT_MAX_HANDLES = 256;
    /** Entries per READDIR answer. */
    public static final int READDIR_BATCH = 100;

    // Packet types (filexfer-02 section 3).
    public static final int FXP_INIT = 1;
    public static final int FXP_VERSION = 2;
    public static final int FXP_OPEN = 3;
    public static final int FXP_CLOSE = 4;
    public static final int FXP_READ = 5;
    public static final int FXP_WRITE = 6;
    public static final int FXP_LSTAT = 7;
    public static final int FXP_FSTAT = 8;
    public static final int FXP_SETSTAT = 9;
    public static final int FXP_FSETSTAT = 10;
    public static final int FXP_OPENDIR = 11;
    public static final int FXP_READDIR = 12;
    public static final int FXP_REMOVE = 13;
    public static final int FXP_MKDIR = 14;
    public static final int FXP_RMDIR = 15;
    public static final int FXP_REALPATH = 16;
    public static final int FXP_STAT = 17;
    public static final int FXP_RENAME = 18;
    public static final int FXP_READLINK = 19;
    public static final int FXP_SYMLINK = 20;
    public static final int FXP_STATUS = 101;
    public static final int FXP_HANDLE = 102;
    public static final int FXP_DATA = 103;
    public static final int FXP_NAME = 104;
    public static final int FXP_ATTRS = 105;
    public static final int FXP_EXTENDED = 200;
    public static final int FXP_EXTENDED_REPLY = 201;

    // OPEN pflags (filexfer-02 section 6.3).
    public static final int FXF_READ = 0x01;
    public static final int FXF_WRITE = 0x02;
    public static final int FXF_APPEND = 0x04;
    public static final int FXF_CREAT = 0x08;
    public static final int FXF_TRUNC = 0x10;
    public static final int FXF_EXCL = 0x20;

    // Attribute flags (filexfer-02 section 5).
    public static final int ATTR_SIZE = 0x01;
    public static final int ATTR_UIDGID = 0x02;
    public static final int ATTR_PERMISSIONS = 0x04;
    public static final int ATTR_ACMODTIME = 0x08;
    public static final int ATTR_EXTENDED = 0x80000000;

    // Status codes (filexfer-02 section 7).
    public static final int FX_OK = 0;
    public static final int FX_EOF = 1;
    public static final int FX_NO_SUCH_FILE = 2;
    public static final int FX_PERMISSION_DENIED = 3;
    public static final int FX_FAILURE = 4;
    public static final int FX_BAD_MESSAGE = 5;
    public static final int FX_NO_CONNECTION = 6;
    public static final int FX_CONNECTION_LOST = 7;
    public static final int FX_OP_UNSUPPORTED = 8;

    // Extension names (OpenSSH PROTOCOL section 4, draft-ietf-secsh-filexfer-extensions).
    public static final String EXT_POSIX_RENAME = "posix-rename@openssh.com";
    public static final String EXT_STATVFS = "statvfs@openssh.com";
    public static final String EXT_FSTATVFS = "fstatvfs@openssh.com";
    public static final String EXT_HARDLINK = "hardlink@openssh.com";
    public static final String EXT_FSYNC = "fsync@openssh.com";
    public static final String EXT_LSETSTAT = "lsetstat@openssh.com";
    public static final String EXT_LIMITS = "limits@openssh.com";
    public static final String EXT_EXPAND_PATH = "expand-path@openssh.com";
    public static final String EXT_HOME_DIRECTORY = "home-directory";
    public static final String EXT_COPY_DATA = "copy-data";
    public static final String EXT_USERS_GROUPS = "users-groups-by-id@openssh.com";

    /** Human-readable text for a status code, as sent in STATUS messages. */
    public static String statusText(int code) {
        switch (code) {
            case FX_OK: return "Success";
            case FX_EOF: return "End of file";
            case FX_NO_SUCH_FILE: return "No such file";
            case FX_PERMISSION_DENIED: return "Permission denied";
            case FX_FAILURE: return "Failure";
            case FX_BAD_MESSAGE: return "Bad message";
            case FX_NO_CONNECTION: return "No connection";
            case FX_CONNECTION_LOST: return "Connection lost";
            case FX_OP_UNSUPPORTED: return "Operation unsupported";
            default: return "Unknown error";
        }
    }
}
