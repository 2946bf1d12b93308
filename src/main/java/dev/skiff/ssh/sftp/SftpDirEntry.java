package dev.skiff.ssh.sftp;

/**
 * One directory entry from READDIR (draft-ietf-secsh-filexfer-02 section 6.7): the file name,
 * the server's {@code ls -l} style line (display only, untrusted text) and the entry's attributes
 * (OpenSSH sends lstat(2) results, so symbolic links show as links).
 */
public record SftpDirEntry(String name, String longName, SftpAttributes attrs) {
}
