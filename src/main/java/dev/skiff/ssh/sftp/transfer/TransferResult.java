package dev.skiff.ssh.sftp.transfer;

import java.time.Duration;

/**
 * What a transfer did: files and bytes copied (bytes skipped by a resume not counted), links
 * recreated, files whose SHA-256 was compared, and the time taken.
 */
public record TransferResult(long files, long bytes, long links, long verified, Duration elapsed) {
    /** Average throughput in bytes per second. */
    public double bytesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : bytes / s;
    }
}
