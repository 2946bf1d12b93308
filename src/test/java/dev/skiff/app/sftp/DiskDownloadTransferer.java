package dev.skiff.app.sftp;

import dev.skiff.ssh.sftp.transfer.Cancellation;
import dev.skiff.ssh.sftp.transfer.ProgressListener;
import dev.skiff.ssh.sftp.transfer.TransferCancelledException;
import dev.skiff.ssh.sftp.transfer.TransferProgress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;

/**
 * Downloads from an {@link InMemoryFileBrowser} onto the real local disk (files and trees), one
 * byte per permit of {@link #gate}, flushing each byte so a test sees partial files grow.
 */
final class DiskDownloadTransferer implements Transferer {
    final InMemoryFileBrowser remote;
    final Semaphore gate = new Semaphore(100_000_000);

    DiskDownloadTransferer(InMemoryFileBrowser remote) {
        this.remote = remote;
    }

    @Override
    public long measure(TransferRequest r) {
        return sources(r).values().stream().mapToLong(b -> b.length).sum();
    }

    private Map<String, byte[]> sources(TransferRequest r) {
        Map<String, byte[]> out = new TreeMap<>();
        synchronized (remote) {
            remote.files.forEach((p, b) -> {
                if (p.equals(r.source()) || r.directory() && p.startsWith(r.source() + "/")) {
                    out.put(p.substring(r.source().length()), b.clone());
                }
            });
        }
        return out;
    }

    @Override
    public void transfer(TransferRequest r, ProgressListener progress, Cancellation cancel) throws IOException {
        if (r.upload()) {
            throw new IOException("downloads only");
        }
        Path target = Path.of(r.target());
        if (r.directory()) {
            Files.createDirectories(target);
        }
        long total = measure(r);
        long done = 0;
        for (Map.Entry<String, byte[]> e : sources(r).entrySet()) {
            Path to = e.getKey().isEmpty() ? target : target.resolve(e.getKey().substring(1));
            Files.createDirectories(to.getParent());
            try (OutputStream out = Files.newOutputStream(to)) {
                for (byte b : e.getValue()) {
                    gate.acquireUninterruptibly();
                    if (cancel.isCancelled()) {
                        throw new TransferCancelledException(r.source());
                    }
                    out.write(b);
                    out.flush();
                    done++;
                    progress.onProgress(new TransferProgress(to.toString(), done, total, done, 1000, null, false));
                }
            }
        }
    }
}
