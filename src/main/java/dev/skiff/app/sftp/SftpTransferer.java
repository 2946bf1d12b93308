package dev.skiff.app.sftp;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.sftp.SftpAttributes;
import dev.skiff.ssh.sftp.SftpClient;
import dev.skiff.ssh.sftp.SftpDirEntry;
import dev.skiff.ssh.sftp.transfer.Cancellation;
import dev.skiff.ssh.sftp.transfer.ProgressListener;
import dev.skiff.ssh.sftp.transfer.RateLimit;
import dev.skiff.ssh.sftp.transfer.SftpTransfers;
import dev.skiff.ssh.sftp.transfer.TransferOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs transfers with {@link SftpTransfers} (pipelined) on the tab's connection: each transfer opens
 * its own SFTP channel (no new login) and closes it at the end; the speed limit in the settings
 * applies to all of them together and to running transfers as soon as it changes. Blocking;
 * workers only.
 */
public final class SftpTransferer implements Transferer {
    private static final int MAX_DEPTH = 64;
    private final SshConnection connection;
    private final Supplier<TransferSettings> settings;
    private final RateLimit limit; // one for all of this transferer's transfers; follows the settings live

    public SftpTransferer(SshConnection connection, Supplier<TransferSettings> settings) {
        this.connection = connection;
        this.settings = settings;
        this.limit = new RateLimit(() -> settings.get().limit());
    }

    @Override
    public long measure(TransferRequest r) throws IOException {
        if (!r.directory()) {
            return r.size();
        }
        if (r.upload()) {
            try (Stream<Path> s = Files.walk(Path.of(r.source()))) {
                return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        }
        try (SftpClient c = connection.sftp()) {
            return remoteSize(c, r.source(), 0);
        }
    }

    private static long remoteSize(SftpClient c, String dir, int depth) throws IOException {
        long total = 0;
        for (SftpDirEntry e : c.list(dir)) {
            if (e.name().equals(".") || e.name().equals("..") || e.name().contains("/")) {
                continue;
            }
            SftpAttributes a = e.attrs();
            if (a.isDirectory() && depth < MAX_DEPTH) {
                total += remoteSize(c, Paths.resolve(dir, e.name()), depth + 1);
            } else if (a.isRegularFile() && a.has(SftpAttributes.SIZE)) {
                total += a.size();
            }
        }
        return total;
    }

    /** The options {@link SftpTransfers} gets for {@code r} under the current settings. */
    TransferOptions options(TransferRequest r, ProgressListener progress, Cancellation cancel) {
        TransferSettings s = settings.get();
        return TransferOptions.defaults().withRecursive(r.directory()).withPreserve(s.preserve())
                .withSymlinks(s.symlinks()).withResume(r.resume()).withAtomic(r.upload() && s.atomicUploads())
                .withProgress(progress).withCancellation(cancel).withRateLimit(limit);
    }

    @Override
    public void transfer(TransferRequest r, ProgressListener progress, Cancellation cancel) throws IOException {
        try (SftpClient c = connection.sftp()) {
            TransferOptions o = options(r, progress, cancel);
            if (r.upload()) {
                SftpTransfers.upload(c, Path.of(r.source()), r.target(), o);
            } else {
                SftpTransfers.download(c, r.source(), Path.of(r.target()), o);
            }
        }
    }
}
