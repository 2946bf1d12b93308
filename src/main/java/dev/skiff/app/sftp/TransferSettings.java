package dev.skiff.app.sftp;

import dev.skiff.ssh.sftp.transfer.SymlinkPolicy;
import java.util.Objects;

/**
 * Transfer options chosen by the user. Immutable; {@link #defaults()} then {@code with*}.
 *
 * @param parallel transfers running at once (1..16, default 3)
 * @param atomicUploads upload to a temporary name, rename into place at the end
 * @param preserve keep modification times and permission bits
 * @param symlinks follow links, skip them, or copy them as links (trees never loop: depth limit)
 * @param conflict what to do when the destination exists: ASK shows a dialog
 * @param limit bytes per second for all of a browser's transfers together; 0 = no limit
 */
public record TransferSettings(int parallel, boolean atomicUploads, boolean preserve, SymlinkPolicy symlinks,
        ConflictChoice conflict, long limit) {
    public TransferSettings {
        parallel = Math.max(1, Math.min(16, parallel));
        symlinks = Objects.requireNonNullElse(symlinks, SymlinkPolicy.FOLLOW);
        conflict = Objects.requireNonNullElse(conflict, ConflictChoice.ASK);
        limit = Math.max(0, limit);
    }

    public static TransferSettings defaults() {
        return new TransferSettings(3, true, true, SymlinkPolicy.FOLLOW, ConflictChoice.ASK, 0);
    }

    public TransferSettings withParallel(int n) {
        return new TransferSettings(n, atomicUploads, preserve, symlinks, conflict, limit);
    }

    public TransferSettings withAtomicUploads(boolean v) {
        return new TransferSettings(parallel, v, preserve, symlinks, conflict, limit);
    }

    public TransferSettings withPreserve(boolean v) {
        return new TransferSettings(parallel, atomicUploads, v, symlinks, conflict, limit);
    }

    public TransferSettings withSymlinks(SymlinkPolicy v) {
        return new TransferSettings(parallel, atomicUploads, preserve, v, conflict, limit);
    }

    public TransferSettings withConflict(ConflictChoice v) {
        return new TransferSettings(parallel, atomicUploads, preserve, symlinks, v, limit);
    }

    /** Speed limit in bytes per second for all transfers of the browser together; 0 = none. */
    public TransferSettings withLimit(long bytesPerSecond) {
        return new TransferSettings(parallel, atomicUploads, preserve, symlinks, conflict, bytesPerSecond);
    }
}
