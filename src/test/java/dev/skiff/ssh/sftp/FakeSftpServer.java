package dev.skiff.ssh.sftp;

import dev.skiff.ssh.sftp.packet.ExtensionPair;
import dev.skiff.ssh.sftp.packet.SftpCodec;
import dev.skiff.ssh.sftp.packet.SftpPacket;
import dev.skiff.ssh.sftp.packet.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * An in-memory SFTP peer over piped streams (DESIGN.md section 7, ring 1): a script reads the
 * client's packets and writes whatever bytes it likes back, well-formed or not.
 */
final class FakeSftpServer implements AutoCloseable {
    interface Script {
        void run(FakeSftpServer s) throws Exception;
    }

    final PipedInputStream clientIn = new PipedInputStream(1 << 20);
    final PipedOutputStream toClient;
    final PipedInputStream fromClient = new PipedInputStream(1 << 20);
    final PipedOutputStream clientOut;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    volatile Throwable scriptFailure;

    FakeSftpServer(Script script) throws IOException {
        toClient = new PipedOutputStream(clientIn);
        clientOut = new PipedOutputStream(fromClient);
        thread = new Thread(() -> {
            try {
                script.run(this);
            } catch (Throwable t) {
                scriptFailure = t;
            }
            try {
                done.await(); // keeps the pipe's writer thread alive until the test ends
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "fake-sftp-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers INIT with VERSION 3 and the given extensions. */
    static Script handshake(Script then, ExtensionPair... ext) {
        return s -> {
            s.read();
            s.send(new Version(3, List.of(ext)));
            then.run(s);
        };
    }

    SftpClient connect() throws Exception {
        AutoCloseable close = () -> {
            toClient.close(); // a PipedInputStream reader wakes only for its writer's close
            clientIn.close();
            clientOut.close();
        };
        return SftpClient.over(clientIn, clientOut, close, Duration.ofSeconds(5));
    }

    SftpPacket read() throws IOException {
        byte[] f = SftpCodec.readFrame(fromClient);
        if (f == null) {
            throw new IOException("client closed");
        }
        return SftpCodec.decode(f);
    }

    void send(SftpPacket p) throws IOException {
        raw(SftpCodec.frame(p.encode()));
    }

    void raw(byte[] bytes) throws IOException {
        toClient.write(bytes);
        toClient.flush();
    }

    void endOutput() throws IOException {
        toClient.close();
    }

    static OutputStream nowhere() {
        return OutputStream.nullOutputStream();
    }

    static InputStream nothing() {
        return InputStream.nullInputStream();
    }

    @Override
    public void close() {
        done.countDown();
    }
}
