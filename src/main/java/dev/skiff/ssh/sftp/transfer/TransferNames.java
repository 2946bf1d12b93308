package dev.skiff.ssh.sftp.transfer;

/** Names a transfer derives: the temporary name of an atomic upload, and shell quoting for sha256sum. */
public final class TransferNames {
    private TransferNames() {
    }

    /** {@code dir/.name.skiff-part}: same directory, so the final rename stays on one file system. */
    public static String temporaryName(String remote) {
        int slash = remote.lastIndexOf('/');
        return remote.substring(0, slash + 1) + "." + remote.substring(slash + 1) + ".skiff-part";
    }

    /** Single-quotes {@code s} for a POSIX shell. */
    public static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
