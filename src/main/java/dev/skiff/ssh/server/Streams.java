package dev.skiff.ssh.server;

import dev.skiff.ssh.connection.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Stream helpers for session channels and pumps. */
final class Streams {
    private Streams() {
    }

    /**
     * Channel data of {@code dataType} (0 stdout, 1 stderr) as an OutputStream whose close does
     * nothing: the session sends EOF itself, after exit-status.
     */
    static OutputStream channelOut(Channel channel, int dataType) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                if (len > 0) {
                    channel.write(b, off, len, dataType);
                }
            }
        };
    }

    /** Copies until EOF; {@code closeOut} closes the destination afterwards. Returns false on an I/O error. */
    static boolean copy(InputStream in, OutputStream out, boolean closeOut) {
        byte[] buf = new byte[32 * 1024];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            if (closeOut) {
                closeQuietly(out);
            }
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // closing on the way out: nothing to report
        }
    }
}
