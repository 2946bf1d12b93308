package dev.skiff.ssh.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.sftp.packet.Attrs;
import dev.skiff.ssh.sftp.packet.Data;
import dev.skiff.ssh.sftp.packet.ExtensionPair;
import dev.skiff.ssh.sftp.packet.Handle;
import dev.skiff.ssh.sftp.packet.Name;
import dev.skiff.ssh.sftp.packet.PathRequest;
import dev.skiff.ssh.sftp.packet.Read;
import dev.skiff.ssh.sftp.packet.SftpMessages;
import dev.skiff.ssh.sftp.packet.SftpPacket;
import dev.skiff.ssh.sftp.packet.Status;
import dev.skiff.ssh.sftp.packet.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The client against a scripted in-memory server: good replies, then every kind of bad one. */
class SftpClientFakeServerTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static int id(SftpPacket p) {
        return ((SftpPacket.WithId) p).id();
    }

    /** Runs {@code call} against a server that answers its first request with {@code reply}. */
    private static SftpException failsWith(FakeSftpServer.Script reply) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeSftpServer s = new FakeSftpServer(FakeSftpServer.handshake(reply)); SftpClient c = s.connect()) {
                SftpException e = assertThrows(SftpException.class, () -> c.stat("/x"));
                assertFalse(c.session().isOpen(), "the session must be failed");
                assertThrows(SftpException.class, () -> c.stat("/again")); // later calls fail at once
                return e;
            }
        });
    }

    @Test
    void goodReplies() {
        assertTimeoutPreemptively(LIMIT, () -> {
            FakeSftpServer.Script script = s -> {
                SftpPacket p = s.read();
                s.send(new Attrs(id(p), SftpAttributes.ofSize(42)));
                p = s.read();
                s.send(new Status(id(p), 2, "No such file", ""));
                p = s.read();
                s.send(new Name(id(p), List.of(new Name.Entry("/home/u", "", SftpAttributes.EMPTY))));
            };
            try (FakeSftpServer s = new FakeSftpServer(FakeSftpServer.handshake(script, ExtensionPair.of("limits@openssh.com", "1")));
                    SftpClient c = s.connect()) {
                assertEquals(3, c.version());
                assertTrue(c.supports("limits@openssh.com"));
                assertEquals(42, c.stat("/a").size());
                SftpException e = assertThrows(SftpException.class, () -> c.lstat("/x/y"));
                assertEquals(SftpStatus.NO_SUCH_FILE, e.status());
                assertEquals("No such file: /x/y", e.getMessage());
                assertEquals("/home/u", c.realpath("."));
                assertTrue(c.session().isOpen());
                SftpException u = assertThrows(SftpException.class, () -> c.statvfs("/"));
                assertEquals(SftpStatus.OP_UNSUPPORTED, u.status());
            }
        });
    }

    @Test
    void hugeLength() {
        failsWith(s -> {
            s.read();
            s.raw(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 101});
        });
    }

    @Test
    void zeroLength() {
        failsWith(s -> {
            s.read();
            s.raw(new byte[] {0, 0, 0, 0});
        });
    }

    @Test
    void unknownId() {
        SftpException e = failsWith(s -> s.send(new Status(id(s.read()) + 1000, 0, "", "")));
        assertTrue(e.getMessage().contains("unknown request id"), e.getMessage());
    }

    @Test
    void wrongType() {
        SftpException e = failsWith(s -> s.send(new Handle(id(s.read()), new byte[] {1})));
        assertTrue(e.getMessage().contains("no reply to SSH_FXP_STAT"), e.getMessage());
    }

    @Test
    void requestTypeFromServer() {
        failsWith(s -> s.send(new PathRequest(SftpMessages.STAT, id(s.read()), "/")));
    }

    @Test
    void secondVersion() {
        failsWith(s -> {
            s.read();
            s.send(new Version(3, List.of()));
        });
    }

    @Test
    void truncatedPacketThenEnd() {
        SftpException e = failsWith(s -> {
            s.read();
            s.raw(new byte[] {0, 0, 0, 100, 105, 0, 0, 0});
            s.endOutput();
        });
        assertEquals(SftpStatus.CONNECTION_LOST, e.status());
    }

    @Test
    void trailingBytes() {
        failsWith(s -> {
            byte[] body = new Attrs(id(s.read()), SftpAttributes.EMPTY).encode();
            byte[] longer = java.util.Arrays.copyOf(body, body.length + 3);
            s.raw(dev.skiff.ssh.sftp.packet.SftpCodec.frame(longer));
        });
    }

    @Test
    void badAttributeFlagsLength() {
        failsWith(s -> {
            int id = id(s.read());
            // ATTRS claiming SIZE|UIDGID but carrying only 4 bytes
            s.raw(new byte[] {0, 0, 0, 13, 105, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id,
                0, 0, 0, 3, 0, 0, 0, 1});
        });
    }

    @Test
    void serverClosesWithoutAnswer() {
        SftpException e = failsWith(s -> {
            s.read();
            s.endOutput();
        });
        assertEquals(SftpStatus.CONNECTION_LOST, e.status());
    }

    @Test
    void dataLongerThanAsked() {
        assertTimeoutPreemptively(LIMIT, () -> {
            FakeSftpServer.Script script = s -> {
                SftpPacket open = s.read();
                s.send(new Handle(id(open), new byte[] {7}));
                Read r = (Read) s.read();
                s.send(Data.of(r.id(), new byte[r.length() + 1]));
            };
            try (FakeSftpServer s = new FakeSftpServer(FakeSftpServer.handshake(script)); SftpClient c = s.connect()) {
                SftpFile f = c.openRead("/f");
                assertThrows(SftpException.class, () -> f.read(0, new byte[10], 0, 10));
                assertFalse(c.session().isOpen());
            }
        });
    }

    @Test
    void everyPendingRequestFailsWhenTheSessionDies() {
        assertTimeoutPreemptively(LIMIT, () -> {
            FakeSftpServer.Script script = s -> {
                SftpPacket open = s.read();
                s.send(new Handle(id(open), new byte[] {7}));
                for (int i = 0; i < 50; i++) {
                    s.read();
                }
                s.endOutput();
            };
            try (FakeSftpServer s = new FakeSftpServer(FakeSftpServer.handshake(script)); SftpClient c = s.connect()) {
                SftpFile f = c.openRead("/f");
                List<CompletableFuture<SftpPacket.WithId>> l = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    l.add(f.readAsync(i * 10L, 10));
                }
                for (CompletableFuture<SftpPacket.WithId> x : l) {
                    ExecutionException e = assertThrows(ExecutionException.class, x::get);
                    assertInstanceOf(SftpException.class, e.getCause());
                }
                SftpInputStream in = new SftpInputStream(f, 0, -1, 10, FlowWindow.forTransfers(10), false);
                assertThrows(SshException.class, in::read);
            }
        });
    }

    @Test
    void noVersion() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeSftpServer s = new FakeSftpServer(x -> {
                x.read();
                x.endOutput();
            })) {
                assertThrows(SftpException.class, s::connect);
            }
        });
    }

    @Test
    void oldVersionIsRefused() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeSftpServer s = new FakeSftpServer(x -> {
                x.read();
                x.send(new Version(2, List.of()));
            })) {
                SftpException e = assertThrows(SftpException.class, s::connect);
                assertEquals(SftpStatus.OP_UNSUPPORTED, e.status());
            }
        });
    }

    @Test
    void silentServerTimesOut() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (FakeSftpServer s = new FakeSftpServer(FakeSftpServer.handshake(x -> x.read())); SftpClient c = s.connect()) {
                c.setTimeout(Duration.ofMillis(300));
                SftpException e = assertThrows(SftpException.class, () -> c.stat("/slow"));
                assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            }
        });
    }

    @Test
    void readAheadHandlesShortRepliesAndEof() {
        assertTimeoutPreemptively(LIMIT, () -> {
            byte[] file = new byte[1000];
            for (int i = 0; i < file.length; i++) {
                file[i] = (byte) (i * 7);
            }
            FakeSftpServer.Script script = s -> {
                SftpPacket open = s.read();
                s.send(new Handle(id(open), new byte[] {7}));
                while (true) {
                    SftpPacket p = s.read();
                    if (!(p instanceof Read r)) {
                        s.send(new Status(id(p), 0, "", ""));
                        return;
                    }
                    if (r.offset() >= file.length) {
                        s.send(new Status(r.id(), 1, "EOF", ""));
                    } else {
                        int n = (int) Math.min(Math.min(r.length(), 33), file.length - r.offset()); // short replies
                        s.send(Data.of(r.id(), java.util.Arrays.copyOfRange(file, (int) r.offset(), (int) r.offset() + n)));
                    }
                }
            };
            try (FakeSftpServer s = new FakeSftpServer(FakeSftpServer.handshake(script)); SftpClient c = s.connect()) {
                try (java.io.InputStream in = c.openInputStream("/f", 0)) {
                    assertEquals(java.util.HexFormat.of().formatHex(file), java.util.HexFormat.of().formatHex(in.readAllBytes()));
                }
            }
        });
    }
}
