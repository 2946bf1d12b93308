package dev.skiff.app.sftp;

import dev.skiff.ssh.sftp.transfer.Cancellation;
import dev.skiff.ssh.sftp.transfer.ProgressListener;
import dev.skiff.ssh.sftp.transfer.TransferCancelledException;
import dev.skiff.ssh.sftp.transfer.TransferProgress;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.Arrays;
import java.util.concurrent.Semaphore;

/** Copies files between two {@link InMemoryFileBrowser}s one byte per permit of {@link #gate}. */
final class InMemoryTransferer implements Transferer {
    final InMemoryFileBrowser local;
    final InMemoryFileBrowser remote;
    final Semaphore gate = new Semaphore(100_000_000);

    InMemoryTransferer(InMemoryFileBrowser local, InMemoryFileBrowser remote) {
        this.local = local;
        this.remote = remote;
    }

    @Override
    public long measure(TransferRequest r) {
        return r.size();
    }

    @Override
    public void transfer(TransferRequest r, ProgressListener progress, Cancellation cancel) throws IOException {
        InMemoryFileBrowser from = r.upload() ? local : remote;
        InMemoryFileBrowser to = r.upload() ? remote : local;
        if (from.deny.contains(r.source()) || to.deny.contains(Paths.parent(r.target()))) {
            throw new AccessDeniedException(r.source());
        }
        byte[] data;
        byte[] existing;
        synchronized (from) {
            data = from.files.get(r.source());
        }
        synchronized (to) {
            existing = r.resume() ? to.files.get(r.target()) : null;
        }
        int start = existing == null ? 0 : existing.length;
        for (int i = start; i < data.length; i++) {
            gate.acquireUninterruptibly();
            if (cancel.isCancelled()) {
                throw new TransferCancelledException(r.source());
            }
            synchronized (to) {
                to.files.put(r.target(), Arrays.copyOf(data, i + 1));
            }
            progress.onProgress(new TransferProgress(r.target(), i + 1, data.length, i + 1 - start, 1000, null, false));
        }
        synchronized (to) {
            to.files.put(r.target(), data.clone());
        }
    }
}
