package dev.skiff.ssh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SshConnection;
import dev.skiff.ssh.connection.ExitStatus;
import dev.skiff.ssh.keys.SshKeyGenerator;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Refusals: a client that never sends its identification is dropped after the grace time; an
 * oversized packet before authentication ends that connection; the server keeps serving others;
 * its thread count returns to the baseline after 50 connections.
 */
class ServerRefusalTest {
    private static SshServer start(ServerLimits limits) throws Exception {
        SshServer s = SshServer.builder().addServerKey(SshKeyGenerator.generate("ssh-ed25519", 0)).policy(new TestPolicy())
                .limits(limits).build();
        s.listen(new InetSocketAddress("127.0.0.1", 0));
        return s;
    }

    private static void stillServes(SshServer s) throws Exception {
        try (SshConnection c = SshServerTest.connect(s)) {
            c.authenticatePassword("alice", "secret".toCharArray());
            StringBuilder err = new StringBuilder();
            ExitStatus[] exit = new ExitStatus[1];
            assertEquals("out\n", SshServerTest.run(c, "out-err", err, exit));
        }
    }

    /** Reads until EOF; returns how long it took. */
    private static long untilEof(InputStream in) throws Exception {
        long t0 = System.nanoTime();
        while (in.read() >= 0) {
            // the server's identification, then maybe a DISCONNECT
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void silentClientIsDroppedAfterGraceTime() throws Exception {
        try (SshServer s = start(ServerLimits.defaults().withLoginGraceTime(Duration.ofSeconds(1)));
                Socket sock = new Socket("127.0.0.1", s.boundPort())) {
            sock.setSoTimeout(10_000);
            long ms = untilEof(sock.getInputStream());
            assertTrue(ms >= 700 && ms < 5000, "dropped after " + ms + " ms");
            stillServes(s);
        }
    }

    @Test
    void oversizedPreAuthPacketEndsTheConnection() throws Exception {
        try (SshServer s = start(ServerLimits.defaults()); Socket sock = new Socket("127.0.0.1", s.boundPort())) {
            sock.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(sock.getOutputStream());
            out.write("SSH-2.0-Oversized_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(100_000); // below the transport's 256 KiB cap, above the 32 KiB pre-auth cap
            out.write(new byte[] {4, 20, 0, 0});
            out.flush();
            long ms = untilEof(sock.getInputStream());
            assertTrue(ms < 5000, "still open after " + ms + " ms");
            stillServes(s);
        }
    }

    @Test
    void threadCountReturnsToBaselineAfter50Connections() throws Exception {
        try (SshServer s = start(ServerLimits.defaults())) {
            int baseline = s.threadCount();
            int jvmBaseline = Thread.activeCount();
            for (int i = 0; i < 50; i++) {
                stillServes(s);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while ((s.threadCount() > baseline || s.connectionCount() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(baseline, s.threadCount());
            assertEquals(0, s.connectionCount());
            assertTrue(Thread.activeCount() <= jvmBaseline + 3, Thread.activeCount() + " threads vs " + jvmBaseline);
        }
    }
}
