package dev.skiff.ssh.sftp.transfer;

import java.time.Duration;

/** Counts bytes for one transfer and reports per-file progress, throttled to about 5 per second. */
final class ProgressMeter {
    private static final long INTERVAL = 200_000_000L;
    private final ProgressListener listener;
    private long totalBytes;
    private long files;
    private long links;
    private long verified;
    private final long started = System.nanoTime();
    private String path;
    private long fileStart;
    private long fileBytes;
    private long fileSize;
    private long resumedAt;
    private long lastReport;

    ProgressMeter(ProgressListener listener) {
        this.listener = listener;
    }

    void startFile(String remotePath, long size, long resumeOffset) {
        path = remotePath;
        fileSize = size;
        fileBytes = resumeOffset;
        resumedAt = resumeOffset;
        fileStart = System.nanoTime();
        lastReport = fileStart;
    }

    void add(long n) {
        fileBytes += n;
        totalBytes += n;
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL) {
            lastReport = now;
            report(false);
        }
    }

    void endFile() {
        files++;
        report(true);
    }

    void link() {
        links++;
    }

    void verified() {
        verified++;
    }

    private void report(boolean done) {
        double secs = Math.max(1e-9, (System.nanoTime() - fileStart) / 1e9);
        double rate = (fileBytes - resumedAt) / secs;
        Duration eta = null;
        if (fileSize >= 0 && rate > 0) {
            eta = Duration.ofMillis((long) (Math.max(0, fileSize - fileBytes) / rate * 1000));
        }
        listener.onProgress(new TransferProgress(path, fileBytes, fileSize, totalBytes, rate, eta, done));
    }

    TransferResult result() {
        return new TransferResult(files, totalBytes, links, verified, Duration.ofNanos(System.nanoTime() - started));
    }
}
