package dev.skiff.ssh.sftp.transfer;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.connection.SessionChannel;
import dev.skiff.ssh.sftp.SftpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * End-to-end check of a transfer: SHA-256 of the local file, and of the remote file by running
 * {@code sha256sum} on the server over an exec channel of the same connection (the file name is
 * single-quoted for the POSIX shell). Returns null for the remote side when the server cannot
 * run it (no exec, no sha256sum, a non-POSIX shell).
 */
public final class RemoteChecksum {
    private static final Pattern HEX = Pattern.compile("^[0-9a-f]{64}");

    private RemoteChecksum() {
    }

    /** The remote file's SHA-256 as lower-case hex, or null when it cannot be computed there. */
    public static String remoteSha256(SshConnection c, String remotePath, Duration timeout) throws IOException {
        if (c == null) {
            return null;
        }
        SessionChannel s = c.exec("sha256sum -- " + TransferNames.shellQuote(remotePath));
        try {
            s.stdin().close();
            byte[] out;
            try (InputStream in = s.stdout()) {
                out = in.readNBytes(4096);
            } catch (IOException e) {
                throw new SftpException(SftpStatus.FAILURE, "reading sha256sum output failed: " + e.getMessage(), e);
            }
            ExitStatus exit = s.waitFor(timeout);
            String text = new String(out, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            if (exit == null || exit.code() != 0 || !HEX.matcher(text).find()) {
                return null;
            }
            return text.substring(0, 64);
        } finally {
            s.close();
        }
    }

    public static String localSha256(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
            while (ch.read(buf) >= 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compares both sides; true when compared and equal, false when the server could not compute
     * it. A mismatch throws.
     */
    static boolean verify(SshConnection c, String remote, Path local, Duration timeout) throws IOException {
        String r = remoteSha256(c, remote, timeout);
        if (r == null) {
            return false;
        }
        String l = localSha256(local);
        if (!r.equals(l)) {
            throw new SftpException(SftpStatus.FAILURE, "SHA-256 mismatch after transfer: " + remote + " is " + r
                    + ", " + local + " is " + l);
        }
        return true;
    }
}
