package dev.skiff.app.sftp;

import dev.skiff.ssh.sftp.transfer.SymlinkPolicy;

/**
 * Transfer options chosen by the user. Immutable; {@link #defaults()} then {@code with*}.
 *
 * @param parallel transfers running at once (1..16, default 3)
 * @param atomicUploads upload to a temporary name, rename into place at the end
 * @param preserve keep modification times and permission bits
 * @param symlinks follow links, skip them, or copy them as links (trees never loop: depth limit)
 * @param conflict what to do when the destination exists: ASK shows a dialog
 */
public record TransferSettings(int parallel, boolean atomicUploads, boolean preserve, SymlinkPolicy symlinks,
        ConflictChoice conflict) {
    public TransferSettings {
        parallel = Math.max(1, Math.min(16, parallel));
    }

    public static TransferSettings defaults() {
        return new TransferSettings(3, true, true, SymlinkPolicy.FOLLOW, ConflictChoice.ASK);
    }

    public TransferSettings withParallel(int n) {
        return new TransferSettings(n, atomicUploads, preserve, symlinks, conflict);
    }

    public TransferSettings withAtomicUploads(boolean v) {
        return new TransferSettings(parallel, v, preserve, symlinks, conflict);
    }

    public TransferSettings withPreserve(boolean v) {
        return new TransferSettings(parallel, atomicUploads, v, symlinks, conflict);
    }

    public TransferSettings withSymlinks(SymlinkPolicy v) {
        return new TransferSettings(parallel, atomicUploads, preserve, v, conflict);
    }

    public TransferSettings withConflict(ConflictChoice v) {
        return new TransferSettings(parallel, atomicUploads, preserve, symlinks, v);
    }
}
