package dev.skiff.ssh.connection;

import dev.skiff.ssh.SshException;
import java.io.IOException;
import java.io.OutputStream;

/** An OutputStream writing channel data; {@link #close()} sends EOF. Unbuffered: each write is sent. */
final class ChannelOutputStream extends OutputStream {
    private final Channel channel;
    private final int dataType;

    ChannelOutputStream(Channel channel, int dataType) {
        this.channel = channel;
        this.dataType = dataType;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        channel.write(b, off, len, dataType);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.sendEof();
        } catch (SshException e) {
            throw e;
        }
    }
}
