package dev.skiff.ssh.sftp.packet;

/**
 * SFTP packet type numbers and open flags (draft-ietf-secsh-filexfer-02 sections 3, 6.3), and
 * the packet size bound used before any allocation.
 */
public final class SftpMessages {
    public static final int INIT = 1;
    public static final int VERSION = 2;
    public static final int OPEN = 3;
    public static final int CLOSE = 4;
    public static final int READ = 5;
    public static final int WRITE = 6;
    public static final int LSTAT = 7;
    public static final int FSTAT = 8;
    public static final int SETSTAT = 9;
    public static final int FSETSTAT = 10;
    public static final int OPENDIR = 11;
    public static final int READDIR = 12;
    public static final int REMOVE = 13;
    public static final int MKDIR = 14;
    public static final int RMDIR = 15;
    public static final int REALPATH = 16;
    public static final int STAT = 17;
    public static final int RENAME = 18;
    public static final int READLINK = 19;
    public static final int SYMLINK = 20;
    public static final int STATUS = 101;
    public static final int HANDLE = 102;
    public static final int DATA = 103;
    public static final int NAME = 104;
    public static final int ATTRS = 105;
    public static final int EXTENDED = 200;
    public static final int EXTENDED_REPLY = 201;

    /** {@code SSH_FXF_*} open flags (section 6.3). */
    public static final int FXF_READ = 0x01;
    public static final int FXF_WRITE = 0x02;
    public static final int FXF_APPEND = 0x04;
    public static final int FXF_CREAT = 0x08;
    public static final int FXF_TRUNC = 0x10;
    public static final int FXF_EXCL = 0x20;

    /** Largest data chunk we ask for or send (OpenSSH's sftp-server caps reads at 255 KiB). */
    public static final int MAX_DATA = 255 * 1024;
    /**
     * Largest SFTP packet accepted (length field, excluding itself): 256 KiB, OpenSSH's
     * {@code SFTP_MAX_MSG_LENGTH}, which holds a 255 KiB DATA plus headers.
     */
    public static final int MAX_PACKET = 256 * 1024;

    private SftpMessages() {
    }

    public static String name(int type) {
        return switch (type) {
            case INIT -> "SSH_FXP_INIT";
            case VERSION -> "SSH_FXP_VERSION";
            case OPEN -> "SSH_FXP_OPEN";
            case CLOSE -> "SSH_FXP_CLOSE";
            case READ -> "SSH_FXP_READ";
            case WRITE -> "SSH_FXP_WRITE";
            case LSTAT -> "SSH_FXP_LSTAT";
            case FSTAT -> "SSH_FXP_FSTAT";
            case SETSTAT -> "SSH_FXP_SETSTAT";
            case FSETSTAT -> "SSH_FXP_FSETSTAT";
            case OPENDIR -> "SSH_FXP_OPENDIR";
            case READDIR -> "SSH_FXP_READDIR";
            case REMOVE -> "SSH_FXP_REMOVE";
            case MKDIR -> "SSH_FXP_MKDIR";
            case RMDIR -> "SSH_FXP_RMDIR";
            case REALPATH -> "SSH_FXP_REALPATH";
            case STAT -> "SSH_FXP_STAT";
            case RENAME -> "SSH_FXP_RENAME";
            case READLINK -> "SSH_FXP_READLINK";
            case SYMLINK -> "SSH_FXP_SYMLINK";
            case STATUS -> "SSH_FXP_STATUS";
            case HANDLE -> "SSH_FXP_HANDLE";
            case DATA -> "SSH_FXP_DATA";
            case NAME -> "SSH_FXP_NAME";
            case ATTRS -> "SSH_FXP_ATTRS";
            case EXTENDED -> "SSH_FXP_EXTENDED";
            case EXTENDED_REPLY -> "SSH_FXP_EXTENDED_REPLY";
            default -> "type " + type;
        };
    }
}
