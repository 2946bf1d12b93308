package dev.skiff.app.sftp;

/**
 * What to copy: one file or directory tree from {@code source} to {@code target}. Immutable.
 *
 * @param upload true for local → remote, false for remote → local
 * @param source the source path (local path for uploads, remote path for downloads)
 * @param target the destination path, including the name
 * @param directory whether the source is a directory (copied recursively)
 * @param size the source size in bytes (-1 unknown; directories are measured when they start)
 * @param resume continue after the bytes already at the destination
 */
public record TransferRequest(boolean upload, String source, String target, boolean directory, long size,
        boolean resume) {
    public String name() {
        return Paths.fileName(source);
    }

    public TransferRequest withResume(boolean r) {
        return new TransferRequest(upload, source, target, directory, size, r);
    }

    public TransferRequest withTarget(String t) {
        return new TransferRequest(upload, source, t, directory, size, resume);
    }
}
