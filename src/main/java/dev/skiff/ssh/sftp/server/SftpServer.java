package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An SFTP version 3 server (draft-ietf-secsh-filexfer-02 plus OpenSSH's extensions) over a pair
 * of byte streams, independent of the transport: an SSH "sftp" subsystem channel, a pipe, a test.
 *
 * <p>Framing (section 3): {@code uint32 length, byte type, uint32 request-id, ...}. A length of 0
 * or above {@link SftpProtocol#MAX_PACKET_LENGTH}, input ending inside a packet, a packet before
 * INIT or a second INIT ends the session with {@link SftpServerException}; everything else gets a
 * reply: malformed bodies BAD_MESSAGE, unknown types and extensions OP_UNSUPPORTED. The first
 * packet must be INIT; the answer is VERSION 3 with the extensions of {@link SftpExtensions}.
 *
 * <p>Threading: {@link #serve} blocks the calling thread for the whole session and handles one
 * request at a time, in order (as OpenSSH's sftp-server). Replies are flushed whenever no further
 * request is already waiting in the input. One {@code SftpServer} may serve several sessions,
 * one per call, each with its own handles. Not to be called concurrently on the same streams.
 */
public final class SftpServer {
    private enum State { AWAIT_INIT, READY }

    private final SftpServerConfig config;
    private final SftpRoot root;

    /** @throws IOException if the root is not an existing directory */
    public SftpServer(SftpServerConfig config) throws IOException {
        this.config = config;
        this.root = new SftpRoot(config.root(), config.home());
    }

    public SftpServerConfig config() {
        return config;
    }

    /**
     * Runs one session until the client closes {@code in} (normal end, returns) or breaks the
     * framing (throws). Open handles are closed on return either way; the streams are not closed.
     *
     * @throws SftpServerException on a framing error; the caller should close the channel
     * @throws IOException when reading or writing the streams fails
     */
    public void serve(InputStream in, OutputStream out) throws IOException {
        InputStream input = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
        OutputStream output = new BufferedOutputStream(out, 64 * 1024);
        SftpRequestHandler handler = new SftpRequestHandler(new SftpSession(root, config.readOnly(), config.maxHandles()));
        State state = State.AWAIT_INIT;
        try {
            byte[] packet;
            while ((packet = readPacket(input)) != null) {
                WireReader r = new WireReader(packet);
                int type = r.byteValue();
                if (state == State.AWAIT_INIT) {
                    if (type != FXP_INIT) {
                        throw new SftpServerException("expected INIT, got packet type " + type);
                    }
                    r.uint32(); // client version; we answer 3 whatever it is (section 4)
                    write(output, version());
                    state = State.READY;
                } else if (type == FXP_INIT) {
                    throw new SftpServerException("INIT received twice");
                } else {
                    if (r.remaining() < 4) {
                        throw new SftpServerException("packet of type " + type + " has no request id");
                    }
                    long id = r.uint32();
                    WireWriter reply;
                    try {
                        reply = handler.handle(SftpRequest.decode(type, id, r));
                    } catch (ProtocolException e) {
                        reply = SftpReplies.status(id, FX_BAD_MESSAGE, statusText(FX_BAD_MESSAGE));
                    }
                    write(output, reply);
                }
                if (input.available() == 0) {
                    output.flush();
                }
            }
        } catch (ProtocolException e) {
            throw new SftpServerException("malformed INIT: " + e.getMessage(), e);
        } finally {
            handler.close();
            try {
                output.flush();
            } catch (IOException ignored) {
                // the peer is gone; the session is over anyway
            }
        }
    }

    /** The next packet body, or null at a clean end of input (between packets). */
    private static byte[] readPacket(InputStream in) throws IOException {
        byte[] len = new byte[4];
        int got = readFully(in, len);
        if (got == 0) {
            return null;
        }
        if (got < 4) {
            throw new SftpServerException("input ended inside a packet length");
        }
        long n = ((len[0] & 0xffL) << 24) | ((len[1] & 0xffL) << 16) | ((len[2] & 0xffL) << 8) | (len[3] & 0xffL);
        if (n == 0 || n > MAX_PACKET_LENGTH) {
            throw new SftpServerException("bad packet length " + n + " (limit " + MAX_PACKET_LENGTH + ")");
        }
        byte[] body = new byte[(int) n];
        if (readFully(in, body) < n) {
            throw new SftpServerException("input ended inside a packet");
        }
        return body;
    }

    private static int readFully(InputStream in, byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int n = in.read(b, off, b.length - off);
            if (n < 0) {
                break;
            }
            off += n;
        }
        return off;
    }

    private static WireWriter version() {
        WireWriter w = new WireWriter(512).byteValue(FXP_VERSION).uint32(VERSION);
        for (String[] ext : SftpExtensions.ADVERTISED) {
            w.utf8(ext[0]).utf8(ext[1]);
        }
        return w;
    }

    private static void write(OutputStream out, WireWriter body) throws IOException {
        int n = body.length();
        out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        out.write(body.array(), 0, n);
    }
}
