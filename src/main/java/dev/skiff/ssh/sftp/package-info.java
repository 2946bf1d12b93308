/**
 * SFTP client: version 3 (draft-ietf-secsh-filexfer-02) plus OpenSSH's extensions (OpenSSH
 * {@code PROTOCOL} section 4).
 *
 * <ul>
 * <li>{@link dev.skiff.ssh.sftp.SftpClient}: every v3 operation and the extensions, blocking with
 *     a timeout; {@link dev.skiff.ssh.sftp.SftpFile} for random access on a handle.
 * <li>{@link dev.skiff.ssh.sftp.SftpSession}: the packet engine over any pair of streams, with
 *     one daemon reader thread {@code skiff-sftp-read-N} that completes per-request futures and
 *     fails every pending request when it stops (malformed data, unknown ids, wrong reply types,
 *     end of stream).
 * <li>{@link dev.skiff.ssh.sftp.SftpInputStream} (read-ahead) and
 *     {@link dev.skiff.ssh.sftp.SftpOutputStream} (write-behind), paced by
 *     {@link dev.skiff.ssh.sftp.FlowWindow}.
 * <li>Packets are records in {@code dev.skiff.ssh.sftp.packet}; transfers of files and trees in
 *     {@code dev.skiff.ssh.sftp.transfer}.
 * </ul>
 */
package dev.skiff.ssh.sftp;
