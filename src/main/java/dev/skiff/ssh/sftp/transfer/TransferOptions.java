package dev.skiff.ssh.sftp.transfer;

import java.util.Objects;

/**
 * How {@link SftpTransfers} copies files. Immutable; start from {@link #defaults()} and use the
 * {@code with*} methods.
 *
 * @param recursive copy directories with their contents (else a directory source is an error)
 * @param preserve copy modification/access times and permission bits
 * @param symlinks what to do with symbolic links inside trees
 * @param resume continue after the bytes already at the destination (reget/reput) when the
 *        destination is not larger than the source; a larger destination is an error
 * @param atomic upload to a temporary name in the same directory and rename it over the final name
 *        at the end ({@code posix-rename@openssh.com} when offered), so a cancelled or failed
 *        upload never leaves a partial file under the final name; with {@code resume} the
 *        temporary file is what is resumed
 * @param verify compare SHA-256 of source and destination afterwards, running {@code sha256sum}
 *        on the server over an exec channel of the same connection (skipped when unavailable)
 * @param progress receives progress
 * @param cancellation checked between chunks
 * @param requestSize bytes per READ/WRITE request (0 = the server's maximum)
 * @param maxRequests requests in flight at most (0 = the default)
 * @param rateLimit bandwidth limit, shared with every transfer given the same instance
 */
public record TransferOptions(boolean recursive, boolean preserve, SymlinkPolicy symlinks, boolean resume,
        boolean atomic, boolean verify, ProgressListener progress, Cancellation cancellation, int requestSize,
        int maxRequests, RateLimit rateLimit) {
    public TransferOptions {
        Objects.requireNonNull(symlinks);
        Objects.requireNonNull(rateLimit);
        Objects.requireNonNull(progress);
        Objects.requireNonNull(cancellation);
        if (requestSize < 0 || maxRequests < 0 || maxRequests == 1) {
            throw new IllegalArgumentException("bad request size or count");
        }
    }

    /** Legacy shape: request size from the server's limits, up to 64 requests in flight. */
    public TransferOptions(boolean recursive, boolean preserve, SymlinkPolicy symlinks, boolean resume, boolean atomic,
            boolean verify, ProgressListener progress, Cancellation cancellation) {
        this(recursive, preserve, symlinks, resume, atomic, verify, progress, cancellation, 0, 0, RateLimit.NONE);
    }

    /** Bytes per READ/WRITE request (sftp -B), capped by the server's limits; 0 = the server's maximum. */
    public TransferOptions withRequestSize(int bytes) {
        return new TransferOptions(recursive, preserve, symlinks, resume, atomic, verify, progress, cancellation, bytes,
                maxRequests, rateLimit);
    }

    /** Requests in flight at most (sftp -R, at least 2); 0 = the default 64. */
    public TransferOptions withMaxRequests(int n) {
        return new TransferOptions(recursive, preserve, symlinks, resume, atomic, verify, progress, cancellation,
                requestSize, n, rateLimit);
    }

    /** Bandwidth limit (sftp -l); pass one instance to several transfers to limit them together. */
    public TransferOptions withRateLimit(RateLimit v) {
        return new TransferOptions(recursive, preserve, symlinks, resume, atomic, verify, progress, cancellation,
                requestSize, maxRequests, v);
    }

    /** The request size for a server whose limit is {@code serverChunk}. */
    public int chunk(int serverChunk) {
        return requestSize == 0 ? serverChunk : Math.min(serverChunk, requestSize);
    }

    public static TransferOptions defaults() {
        return new TransferOptions(false, false, SymlinkPolicy.FOLLOW, false, false, false, ProgressListener.NONE,
                new Cancellation());
    }

    public TransferOptions withRecursive(boolean v) {
        return new TransferOptions(v, preserve, symlinks, resume, atomic, verify, progress, cancellation, requestSize, maxRequests, rateLimit);
    }

    public TransferOptions withPreserve(boolean v) {
        return new TransferOptions(recursive, v, symlinks, resume, atomic, verify, progress, cancellation, requestSize, maxRequests, rateLimit);
    }

    public TransferOptions withSymlinks(SymlinkPolicy v) {
        return new TransferOptions(recursive, preserve, v, resume, atomic, verify, progress, cancellation, requestSize, maxRequests, rateLimit);
    }

    public TransferOptions withResume(boolean v) {
        return new TransferOptions(recursive, preserve, symlinks, v, atomic, verify, progress, cancellation, requestSize, maxRequests, rateLimit);
    }

    public TransferOptions withAtomic(boolean v) {
        return new TransferOptions(recursive, preserve, symlinks, resume, v, verify, progress, cancellation, requestSize, maxRequests, rateLimit);
    }

    public TransferOptions withVerify(boolean v) {
        return new TransferOptions(recursive, preserve, symlinks, resume, atomic, v, progress, cancellation, requestSize, maxRequests, rateLimit);
    }

    public TransferOptions withProgress(ProgressListener v) {
        return new TransferOptions(recursive, preserve, symlinks, resume, atomic, verify, v, cancellation, requestSize, maxRequests, rateLimit);
    }

    public TransferOptions withCancellation(Cancellation v) {
        return new TransferOptions(recursive, preserve, symlinks, resume, atomic, verify, progress, v, requestSize, maxRequests, rateLimit);
    }
}
