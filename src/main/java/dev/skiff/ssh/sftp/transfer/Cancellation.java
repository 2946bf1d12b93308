package dev.skiff.ssh.sftp.transfer;

/**
 * A cancel flag shared between the thread running a transfer and whoever may stop it (e.g. the
 * UI's "Cancel" button). The transfer checks it between chunks and ends with a
 * {@link TransferCancelledException}; requests already in flight are left to complete.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
