package dev.skiff.ssh.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.sftp.packet.Attrs;
import dev.skiff.ssh.sftp.packet.Data;
import dev.skiff.ssh.sftp.packet.Handle;
import dev.skiff.ssh.sftp.packet.Read;
import dev.skiff.ssh.sftp.packet.SftpPacket;
import dev.skiff.ssh.sftp.packet.Status;
import dev.skiff.ssh.sftp.packet.Write;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Pipelining against a slow in-memory server that answers only when the client stops sending:
 * many requests are in flight, never more than the flow window's cap (64 requests / 16 MiB),
 * and request ids wrap at 2^32.
 */
class SftpPipeliningTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** Serves a virtual file of {@code size} bytes (byte i = i mod 251) and records the peak of outstanding requests. */
    private static FakeSftpServer.Script lazyServer(long size, AtomicInteger peak, List<Long> written) {
        return s -> {
            ArrayDeque<SftpPacket> waiting = new ArrayDeque<>();
            while (true) {
                if (s.fromClient.available() == 0) {
                    Thread.sleep(waiting.isEmpty() ? 1 : 2);
                }
                if (s.fromClient.available() > 0) {
                    SftpPacket p = s.read();
                    if (p instanceof Read || p instanceof Write) {
                        waiting.add(p);
                        peak.accumulateAndGet(waiting.size(), Math::max);
                        continue;
                    }
                    int id = ((SftpPacket.WithId) p).id();
                    s.send(p.type() == 3 ? new Handle(id, new byte[] {1}) : p.type() == 8
                            ? new Attrs(id, SftpAttributes.ofSize(0)) : new Status(id, 0, "", ""));
                    continue;
                }
                SftpPacket p = waiting.poll();
                if (p instanceof Read r) {
                    if (r.offset() >= size) {
                        s.send(new Status(r.id(), 1, "", ""));
                    } else {
                        byte[] b = new byte[(int) Math.min(r.length(), size - r.offset())];
                        for (int i = 0; i < b.length; i++) {
                            b[i] = (byte) ((r.offset() + i) % 251);
                        }
                        s.send(Data.of(r.id(), b));
                    }
                } else if (p instanceof Write w) {
                    written.add(w.offset());
                    s.send(new Status(w.id(), 0, "", ""));
                }
            }
        };
    }

    @Test
    void readAheadKeepsManyButBoundedRequestsInFlight() {
        assertTimeoutPreemptively(LIMIT, () -> {
            long size = 8L << 20;
            AtomicInteger peak = new AtomicInteger();
            try (FakeSftpServer s = new FakeSftpServer(FakeSftpServer.handshake(lazyServer(size, peak, new ArrayList<>())));
                    SftpClient c = s.connect()) {
                long n = 0;
                byte[] buf = new byte[100_000];
                // Fixed at the cap (the adaptive controller would shrink it: this server queues on purpose)
                FlowWindow w = new FlowWindow(32768, FlowWindow.MAX_REQUESTS, FlowWindow.MAX_REQUESTS, FlowWindow.MAX_BYTES);
                try (InputStream in = new SftpInputStream(c.openRead("/f"), 0, -1, 32768, w, true)) {
                    for (int k; (k = in.read(buf)) > 0; n += k) {
                        for (int i = 0; i < k; i++) {
                            if (buf[i] != (byte) ((n + i) % 251)) {
                                throw new AssertionError("wrong byte at " + (n + i));
                            }
                        }
                    }
                }
                assertEquals(size, n);
                assertTrue(peak.get() >= 32, "pipelined: " + peak.get());
                assertTrue(peak.get() <= FlowWindow.MAX_REQUESTS, "bounded: " + peak.get());
            }
        });
    }

    @Test
    void writeBehindKeepsManyButBoundedRequestsInFlight() {
        assertTimeoutPreemptively(LIMIT, () -> {
            AtomicInteger peak = new AtomicInteger();
            List<Long> written = new ArrayList<>();
            try (FakeSftpServer s = new FakeSftpServer(FakeSftpServer.handshake(lazyServer(0, peak, written)));
                    SftpClient c = s.connect()) {
                byte[] buf = new byte[1 << 20];
                FlowWindow w = new FlowWindow(32768, FlowWindow.MAX_REQUESTS, FlowWindow.MAX_REQUESTS, FlowWindow.MAX_BYTES);
                try (OutputStream out = new SftpOutputStream(c.openWrite("/f", true), 0, 32768, w, true)) {
                    for (int i = 0; i < 8; i++) {
                        out.write(buf);
                    }
                }
                assertEquals(8 * 32, written.size()); // 32 KiB requests
                assertTrue(peak.get() >= 32, "pipelined: " + peak.get());
                assertTrue(peak.get() <= FlowWindow.MAX_REQUESTS, "bounded: " + peak.get());
            }
        });
    }

    @Test
    void requestIdsWrapAround() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Integer> ids = new ArrayList<>();
            FakeSftpServer.Script echo = s -> {
                while (true) {
                    SftpPacket p = s.read();
                    int id = ((SftpPacket.WithId) p).id();
                    ids.add(id);
                    s.send(new Attrs(id, SftpAttributes.ofSize(id & 0xffffffffL)));
                }
            };
            try (FakeSftpServer s = new FakeSftpServer(FakeSftpServer.handshake(echo)); SftpClient c = s.connect()) {
                c.session().setNextId(-2); // 0xfffffffe
                List<Long> sizes = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    sizes.add(c.stat("/x").size());
                }
                assertEquals(List.of(0xfffffffeL, 0xffffffffL, 0L, 1L), sizes);
            }
        });
    }

    @Test
    void helpers() {
        assertEquals("/a/b/.c.skiff-part", dev.skiff.ssh.sftp.transfer.TransferNames.temporaryName("/a/b/c"));
        assertEquals(".c.skiff-part", dev.skiff.ssh.sftp.transfer.TransferNames.temporaryName("c"));
        assertEquals("'it'\\''s'", dev.skiff.ssh.sftp.transfer.TransferNames.shellQuote("it's"));
    }
}
