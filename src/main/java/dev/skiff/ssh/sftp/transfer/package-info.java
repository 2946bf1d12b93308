/**
 * File and directory-tree transfers over SFTP: pipelined, resumable, optionally atomic and
 * checked end to end; progress through {@link dev.skiff.ssh.sftp.transfer.ProgressListener},
 * stopping through {@link dev.skiff.ssh.sftp.transfer.Cancellation}. Entry point:
 * {@link dev.skiff.ssh.sftp.transfer.SftpTransfers}.
 */
package dev.skiff.ssh.sftp.transfer;
