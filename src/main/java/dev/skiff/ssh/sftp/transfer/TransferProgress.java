package dev.skiff.ssh.sftp.transfer;

import java.time.Duration;

/**
 * A progress snapshot of one file of a transfer.
 *
 * @param path the remote path of the file
 * @param fileBytes bytes of this file done so far (including bytes skipped by a resume)
 * @param fileSize its size, or -1 when unknown
 * @param totalBytes bytes moved by the whole transfer so far (all files, without resumed bytes)
 * @param bytesPerSecond the average rate of this file so far
 * @param eta the estimated time left for this file, or null when unknown
 * @param done whether this file is finished
 */
public record TransferProgress(String path, long fileBytes, long fileSize, long totalBytes, double bytesPerSecond,
        Duration eta, boolean done) {
}
