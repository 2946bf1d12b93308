package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives an {@link SftpServer} over piped streams with hand-built packets (paramiko's loop
 * pattern). Every read has a deadline, so a server that does not answer fails the test instead of
 * hanging it.
 */
final class SftpTestClient implements AutoCloseable {
    static final long TIMEOUT_MS = 5000;
    private final PipedOutputStream toServer = new PipedOutputStream();
    private final PipedInputStream fromServer = new PipedInputStream(1 << 20);
    private final Thread thread;
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long nextId = 1;

    SftpTestClient(SftpServerConfig config) throws IOException {
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(fromServer);
        SftpServer server = new SftpServer(config);
        thread = new Thread(() -> {
            try {
                server.serve(serverIn, serverOut);
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                try {
                    serverOut.close();
                } catch (IOException ignored) {
                    // test end
                }
            }
        }, "sftp-server-test");
        thread.setDaemon(true);
        thread.start();
    }

    long id() {
        return nextId++;
    }

    void sendRaw(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
    }

    void send(WireWriter body) throws IOException {
        WireWriter w = new WireWriter(body.length() + 4).uint32(body.length()).raw(body.array(), 0, body.length());
        sendRaw(w.toByteArray());
    }

    void send(SftpRequest req) throws IOException {
        WireWriter body = new WireWriter();
        req.encode(body);
        send(body);
    }

    /** The next reply body, type byte first; fails after {@link #TIMEOUT_MS}. */
    WireReader receive() throws Exception {
        byte[] len = readExactly(fromServer, 4);
        int n = (int) new WireReader(len).uint32();
        return new WireReader(readExactly(fromServer, n));
    }

    private static byte[] readExactly(InputStream in, int n) throws Exception {
        byte[] b = new byte[n];
        int off = 0;
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (off < n) {
            if (in.available() == 0) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("no reply from the server within " + TIMEOUT_MS + " ms");
                }
                Thread.sleep(2);
                continue;
            }
            int got = in.read(b, off, n - off);
            if (got < 0) {
                throw new AssertionError("server closed the stream");
            }
            off += got;
        }
        return b;
    }

    /** Sends INIT and returns the advertised extension names. */
    List<String> init() throws Exception {
        send(new WireWriter().byteValue(FXP_INIT).uint32(3));
        WireReader r = receive();
        assertEquals(FXP_VERSION, r.byteValue());
        assertEquals(3, r.uint32());
        List<String> ext = new ArrayList<>();
        while (r.remaining() > 0) {
            ext.add(r.utf8());
            r.utf8();
        }
        return ext;
    }

    /** Sends and expects a STATUS with {@code code}; returns its message. */
    String status(SftpRequest req, int code) throws Exception {
        send(req);
        WireReader r = receive();
        assertEquals(FXP_STATUS, r.byteValue(), "expected STATUS");
        assertEquals(req.id(), r.uint32());
        long got = r.uint32();
        String msg = r.utf8();
        r.utf8();
        r.expectEnd();
        assertEquals(code, got, "status code, message: " + msg);
        return msg;
    }

    /** Sends and expects a reply of {@code type}; returns a reader positioned after the id. */
    WireReader expect(SftpRequest req, int type) throws Exception {
        send(req);
        WireReader r = receive();
        int t = r.byteValue();
        long id = r.uint32();
        if (t == FXP_STATUS && type != FXP_STATUS) {
            throw new AssertionError("expected type " + type + ", got STATUS " + r.uint32() + " " + r.utf8());
        }
        assertEquals(type, t);
        assertEquals(req.id(), id);
        return r;
    }

    byte[] handle(SftpRequest req) throws Exception {
        WireReader r = expect(req, FXP_HANDLE);
        byte[] h = r.string();
        r.expectEnd();
        return h;
    }

    /** Closes the client's side and waits for the server thread; returns its failure or null. */
    Throwable finish() throws Exception {
        toServer.close();
        thread.join(TIMEOUT_MS);
        if (thread.isAlive()) {
            throw new AssertionError("server thread did not end");
        }
        return failure.get();
    }

    boolean serverAlive() {
        return thread.isAlive();
    }

    void awaitEnd() throws Exception {
        thread.join(TIMEOUT_MS);
        if (thread.isAlive()) {
            throw new AssertionError("server thread did not end");
        }
    }

    @Override
    public void close() throws Exception {
        try {
            toServer.close();
        } catch (IOException ignored) {
            // already closed
        }
        thread.join(TIMEOUT_MS);
    }
}
