package dev.skiff.ssh.sftp.transfer;

import dev.skiff.ssh.sftp.SftpClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * File and tree transfers over an {@link SftpClient}, pipelined: each file keeps up to 64 READ or
 * WRITE requests (at most 16 MiB) in flight, sized by {@code limits@openssh.com} (255 KiB on
 * OpenSSH 9) or 32 KiB, with the in-flight amount adapted to the round-trip time
 * ({@link dev.skiff.ssh.sftp.FlowWindow}). Memory per transfer is bounded by that window, not the
 * file size.
 *
 * <p>Threads: {@code download}/{@code upload} block the calling worker thread until done,
 * failed or cancelled; the {@code *Async} variants run on the given executor and cancelling their
 * future cancels the transfer. Errors: {@link dev.skiff.ssh.SftpException} (with the status and
 * path), {@link TransferCancelledException}, or the local {@link IOException}.
 */
public final class SftpTransfers {
    private SftpTransfers() {
    }

    /** Copies a remote file (or, with {@code recursive}, a directory tree) to {@code local}. */
    public static TransferResult download(SftpClient client, String remote, Path local, TransferOptions options)
            throws IOException {
        return new Downloader(client, options).run(remote, local);
    }

    /** Copies a local file (or, with {@code recursive}, a directory tree) to {@code remote}. */
    public static TransferResult upload(SftpClient client, Path local, String remote, TransferOptions options)
            throws IOException {
        return new Uploader(client, options).run(local, remote);
    }

    public static CompletableFuture<TransferResult> downloadAsync(SftpClient client, String remote, Path local,
            TransferOptions options, Executor executor) {
        return async(options, executor, () -> download(client, remote, local, options));
    }

    public static CompletableFuture<TransferResult> uploadAsync(SftpClient client, Path local, String remote,
            TransferOptions options, Executor executor) {
        return async(options, executor, () -> upload(client, local, remote, options));
    }

    private interface Job {
        TransferResult run() throws IOException;
    }

    private static CompletableFuture<TransferResult> async(TransferOptions options, Executor executor, Job job) {
        CompletableFuture<TransferResult> f = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterrupt) {
                options.cancellation().cancel();
                return super.cancel(mayInterrupt);
            }
        };
        executor.execute(() -> {
            try {
                f.complete(job.run());
            } catch (IOException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
