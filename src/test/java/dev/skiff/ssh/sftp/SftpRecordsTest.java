package dev.skiff.ssh.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips of attributes and extension payloads; status names; exception messages. */
class SftpRecordsTest {
    @Test
    void attributesRoundTripForEveryFlagCombination() throws Exception {
        SftpAttributes all = SftpAttributes.EMPTY.withSize(12).withOwner(1, 2).withPermissions(040755).withTimes(3, 4);
        for (int flags = 0; flags < 16; flags++) {
            SftpAttributes a = new SftpAttributes(flags, all.size(), all.uid(), all.gid(), all.permissions(),
                    all.atime(), all.mtime(), List.of());
            WireWriter w = new WireWriter();
            a.encode(w);
            WireReader r = new WireReader(w.toByteArray());
            SftpAttributes back = SftpAttributes.decode(r);
            r.expectEnd();
            assertEquals(flags, back.flags());
            WireWriter w2 = new WireWriter();
            back.encode(w2);
            assertEquals(java.util.HexFormat.of().formatHex(w.toByteArray()), java.util.HexFormat.of().formatHex(w2.toByteArray()));
        }
        assertTrue(all.isDirectory());
        assertFalse(all.isRegularFile());
        assertFalse(SftpAttributes.EMPTY.isDirectory());
    }

    @Test
    void statVfsLimitsUsersGroupsRoundTrip() throws Exception {
        StatVfs s = new StatVfs(4096, 4096, 100, 50, 40, 1000, 900, 800, 77, StatVfs.ST_RDONLY, 255);
        assertEquals(s, StatVfs.decode(s.encode()));
        assertEquals(40 * 4096L, s.availableBytes());
        SftpLimits l = new SftpLimits(262144, 261120, 261120, 1019);
        assertEquals(l, SftpLimits.decode(l.encode()));
        assertEquals(261120, l.readChunk());
        assertEquals(261120, l.writeChunk());
        assertEquals(32768, SftpLimits.DEFAULT.readChunk());
        assertEquals(255 * 1024, new SftpLimits(0, 1L << 40, 1L << 40, 0).readChunk());
        UsersGroups ug = new UsersGroups(List.of("root", ""), List.of("wheel"));
        assertEquals(ug, UsersGroups.decode(ug.encode()));
        WireReader r = new WireReader(UsersGroups.encodeRequest(new long[] {0, 1000}, new long[] {0}));
        assertEquals(8, r.string().length);
        assertEquals(4, r.string().length);
        r.expectEnd();
        assertThrows(ProtocolException.class, () -> StatVfs.decode(new byte[87]));
        assertThrows(ProtocolException.class, () -> SftpLimits.decode(new byte[33]));
    }

    @Test
    void extensionPayloads() throws Exception {
        WireReader r = new WireReader(SftpExtensions.copyData(new byte[] {1}, 2, 3, new byte[] {4, 5}, 6));
        assertEquals(1, r.string().length);
        assertEquals(2, r.uint64());
        assertEquals(3, r.uint64());
        assertEquals(2, r.string().length);
        assertEquals(6, r.uint64());
        r.expectEnd();
        r = new WireReader(SftpExtensions.pathAttrs("/p", SftpAttributes.ofPermissions(0600)));
        assertEquals("/p", r.utf8());
        assertEquals(0600, SftpAttributes.decode(r).permissions());
        r.expectEnd();
    }

    @Test
    void statusNamesAndMessages() {
        assertEquals(SftpStatus.NO_SUCH_FILE, SftpStatus.of(2));
        assertEquals(SftpStatus.UNKNOWN, SftpStatus.of(99));
        assertEquals(SftpStatus.OP_UNSUPPORTED, SftpStatus.of(8));
        SftpException e = new SftpException(2, "No such file", "/x/y");
        assertEquals("No such file: /x/y", e.getMessage());
        assertEquals(SftpStatus.NO_SUCH_FILE, e.status());
        assertEquals("/x/y", e.path());
        assertEquals("Failure (Directory not empty): /d", new SftpException(4, "Directory not empty", "/d").getMessage());
        assertEquals("SFTP status 99 (odd?): /p", new SftpException(99, "odd\n", "/p").getMessage());
    }

    @Test
    void flowWindowGrowsWhenIdleAndShrinksWhenQueued() {
        FlowWindow w = new FlowWindow(1000, 2, 64, 1_000_000);
        assertEquals(2000, w.windowBytes());
        assertTrue(w.allows(0, 0));
        assertTrue(w.allows(1000, 1));
        assertFalse(w.allows(2000, 2));
        for (int i = 0; i < 200; i++) {
            w.onReply(1_000_000);
        }
        assertEquals(64_000, w.windowBytes()); // capped by maxRequests * chunk
        for (int i = 0; i < 200; i++) {
            w.onReply(500_000_000);
        }
        assertEquals(2000, w.windowBytes());
        FlowWindow big = new FlowWindow(261120, 16, 64, FlowWindow.MAX_BYTES);
        for (int i = 0; i < 200; i++) {
            big.onReply(1000);
        }
        assertTrue(big.windowBytes() <= FlowWindow.MAX_BYTES);
        assertFalse(big.allows(big.windowBytes(), 10));
    }
}
