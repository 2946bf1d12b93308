package dev.skiff.ssh.sftp;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.sftp.packet.Data;
import dev.skiff.ssh.sftp.packet.FSetStat;
import dev.skiff.ssh.sftp.packet.HandleRequest;
import dev.skiff.ssh.sftp.packet.Read;
import dev.skiff.ssh.sftp.packet.SftpMessages;
import dev.skiff.ssh.sftp.packet.SftpPacket;
import dev.skiff.ssh.sftp.packet.Write;
import java.util.concurrent.CompletableFuture;

/**
 * An open remote file or directory handle (draft-ietf-secsh-filexfer-02 section 6.3) with
 * random-access reads and writes. Blocking methods wait up to the client's timeout; the
 * {@code *Async} methods return the reply future so callers can keep many requests in flight.
 * Thread-safe (each call is one request). {@link #close} sends CLOSE once.
 */
public final class SftpFile implements AutoCloseable {
    private final SftpClient client;
    private final byte[] handle;
    private final String path;
    private volatile boolean closed;

    SftpFile(SftpClient client, byte[] handle, String path) {
        this.client = client;
        this.handle = handle;
        this.path = path;
    }

    public String path() {
        return path;
    }

    byte[] handle() {
        return handle;
    }

    public SftpClient client() {
        return client;
    }

    /** Sends READ; the future completes with DATA or a STATUS (EOF or error). */
    public CompletableFuture<SftpPacket.WithId> readAsync(long offset, int length) throws SftpException {
        return client.session().send(id -> new Read(id, handle, offset, length));
    }

    /**
     * Reads up to {@code len} bytes at {@code offset} into {@code b}; the server may return fewer.
     * Returns -1 at end of file.
     */
    public int read(long offset, byte[] b, int off, int len) throws SshException {
        Data d = SftpReplies.dataOrEof(client.await(readAsync(offset, len), "read"), path);
        if (d == null) {
            return -1;
        }
        int n = d.length();
        d.data().duplicate().get(b, off, n);
        return n;
    }

    /**
     * Sends WRITE from {@code b[off, off+len)}; the future completes with its STATUS. The data is
     * copied once, into the packet.
     */
    public CompletableFuture<SftpPacket.WithId> writeAsync(long offset, byte[] b, int off, int len) throws SftpException {
        byte[] frame = new byte[Write.headerLength(handle.length) + len];
        System.arraycopy(b, off, frame, Write.headerLength(handle.length), len);
        return writeFrameAsync(offset, frame, len);
    }

    /**
     * Sends a WRITE whose frame the caller allocated with {@link Write#headerLength} bytes of room
     * before {@code len} data bytes (so data read from disk goes straight into the packet).
     */
    public CompletableFuture<SftpPacket.WithId> writeFrameAsync(long offset, byte[] frame, int len) throws SftpException {
        CompletableFuture<SftpPacket.WithId> f = new CompletableFuture<>();
        int id = client.session().registerWrite(f);
        Write.frameHeader(frame, id, handle, offset, len);
        client.session().writeFrame(frame);
        return f;
    }

    public void write(long offset, byte[] b, int off, int len) throws SshException {
        SftpReplies.ok(client.await(writeAsync(offset, b, off, len), "write"), path);
    }

    /** Waits for a write reply and checks that it is OK. */
    public void checkWrite(CompletableFuture<SftpPacket.WithId> reply) throws SshException {
        SftpReplies.ok(client.await(reply, "write"), path);
    }

    public SftpAttributes fstat() throws SshException {
        return SftpReplies.attrs(client.call(id -> new HandleRequest(SftpMessages.FSTAT, id, handle), "fstat"), path);
    }

    public void fsetstat(SftpAttributes attrs) throws SshException {
        SftpReplies.ok(client.call(id -> new FSetStat(id, handle, attrs), "fsetstat"), path);
    }

    /** {@code fsync@openssh.com}. */
    public void fsync() throws SshException {
        SftpReplies.ok(client.extended(SftpExtensions.FSYNC, SftpExtensions.handle(handle)), path);
    }

    /** {@code fstatvfs@openssh.com}. */
    public StatVfs fstatvfs() throws SshException {
        return StatVfs.decode(SftpReplies.extended(client.extended(SftpExtensions.FSTATVFS, SftpExtensions.handle(handle)), path));
    }

    /**
     * {@code copy-data}: the server copies {@code length} bytes (0: to end of file) from this file
     * at {@code offset} to {@code target} at {@code targetOffset}.
     */
    public void copyTo(long offset, long length, SftpFile target, long targetOffset) throws SshException {
        SftpReplies.ok(client.extended(SftpExtensions.COPY_DATA,
                SftpExtensions.copyData(handle, offset, length, target.handle, targetOffset)), path);
    }

    @Override
    public void close() throws SshException {
        if (closed) {
            return;
        }
        closed = true;
        if (client.session().isOpen()) {
            SftpReplies.ok(client.call(id -> new HandleRequest(SftpMessages.CLOSE, id, handle), "close"), path);
        }
    }
}
