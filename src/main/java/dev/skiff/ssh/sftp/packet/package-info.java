/**
 * SFTP packets (draft-ietf-secsh-filexfer-02 sections 3–8) as immutable records, decoded once by
 * {@link dev.skiff.ssh.sftp.packet.SftpCodec} with bounds checks and an exact end. Requests that
 * share a wire shape share a record carrying the type: {@code PathRequest} (LSTAT, STAT, OPENDIR,
 * REMOVE, RMDIR, REALPATH, READLINK), {@code HandleRequest} (CLOSE, FSTAT, READDIR),
 * {@code PathAttrsRequest} (SETSTAT, MKDIR), {@code TwoPathRequest} (RENAME, SYMLINK).
 */
package dev.skiff.ssh.sftp.packet;
