package dev.skiff.ssh.sftp.transfer;

/** What a tree transfer does with a symbolic link it meets. */
public enum SymlinkPolicy {
    /** Transfers what the link points to (a file or a whole directory); loops are cut at a depth limit. */
    FOLLOW,
    /** Leaves the link out. */
    SKIP,
    /** Recreates the link itself, with the same target text, on the other side. */
    COPY_LINK
}
