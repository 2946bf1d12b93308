package dev.skiff.app.sftp;

import dev.skiff.ssh.sftp.transfer.Cancellation;
import dev.skiff.ssh.sftp.transfer.ProgressListener;
import java.io.IOException;

/**
 * Moves the bytes of one {@link TransferRequest}: {@link SftpTransferer} in the app, an in-memory
 * one in tests. Blocking; called on a worker thread by the {@link TransferQueue}.
 */
public interface Transferer {
    /** The total bytes {@code r} will move (walks a directory tree), or -1 when unknown. */
    long measure(TransferRequest r) throws IOException;

    /**
     * Runs {@code r}, reporting progress (TransferProgress.totalBytes counts this request's bytes)
     * and checking {@code cancel} between chunks (then it throws TransferCancelledException).
     */
    void transfer(TransferRequest r, ProgressListener progress, Cancellation cancel) throws IOException;
}
