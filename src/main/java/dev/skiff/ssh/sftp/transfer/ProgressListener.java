package dev.skiff.ssh.sftp.transfer;

/**
 * Receives transfer progress. Called on the transferring thread, at most about every 200 ms per
 * file plus once when each file is done; implementations must be quick and must not block (a UI
 * hands the value to its own thread).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> {
    };

    void onProgress(TransferProgress progress);
}
