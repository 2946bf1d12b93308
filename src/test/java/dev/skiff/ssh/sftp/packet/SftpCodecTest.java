package dev.skiff.ssh.sftp.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SftpException;
import dev.skiff.ssh.sftp.SftpAttributes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips for every SFTP v3 packet record, and truncation/garbage behaviour of the decoder. */
class SftpCodecTest {
    static final byte[] H = {1, 2, 3, 4};
    static final SftpAttributes FULL = SftpAttributes.EMPTY.withSize(1L << 40).withOwner(1000, 4294967295L)
            .withPermissions(0100644).withTimes(1700000000L, 4294967295L);
    static final SftpAttributes EXT = new SftpAttributes(SftpAttributes.SIZE, 5, 0, 0, 0, 0, 0,
            List.of(new SftpAttributes.Extended("acl@example.com", "x".getBytes(StandardCharsets.UTF_8))));

    static List<SftpPacket> all() {
        return List.of(
                new Init(3, List.of()),
                new Version(3, List.of(ExtensionPair.of("posix-rename@openssh.com", "1"), ExtensionPair.of("limits@openssh.com", "1"))),
                new Open(1, "/a/b", SftpMessages.FXF_WRITE | SftpMessages.FXF_CREAT | SftpMessages.FXF_TRUNC, FULL),
                new HandleRequest(SftpMessages.CLOSE, 2, H),
                new Read(-1, H, Long.MAX_VALUE, 261120),
                new Write(4, H, 7, new byte[] {9, 8, 7}),
                new PathRequest(SftpMessages.LSTAT, 5, "/l"),
                new HandleRequest(SftpMessages.FSTAT, 6, H),
                new PathAttrsRequest(SftpMessages.SETSTAT, 7, "/s", SftpAttributes.ofPermissions(0755)),
                new FSetStat(8, H, EXT),
                new PathRequest(SftpMessages.OPENDIR, 9, "/d"),
                new HandleRequest(SftpMessages.READDIR, 10, H),
                new PathRequest(SftpMessages.REMOVE, 11, "/r"),
                new PathAttrsRequest(SftpMessages.MKDIR, 12, "/m", SftpAttributes.EMPTY),
                new PathRequest(SftpMessages.RMDIR, 13, "/rd"),
                new PathRequest(SftpMessages.REALPATH, 14, "."),
                new PathRequest(SftpMessages.STAT, 15, "/st"),
                new TwoPathRequest(SftpMessages.RENAME, 16, "/from", "/to"),
                new PathRequest(SftpMessages.READLINK, 17, "/link"),
                new TwoPathRequest(SftpMessages.SYMLINK, 18, "target", "/link"),
                new Status(19, 2, "No such file", "en"),
                new Handle(20, H),
                Data.of(21, new byte[] {1, 2, 3}),
                new Name(22, List.of(new Name.Entry("f", "-rw-r--r-- 1 u g 5 Jan 1 f", FULL),
                        new Name.Entry("é", "", SftpAttributes.EMPTY))),
                new Attrs(23, EXT),
                new Extended(24, "statvfs@openssh.com", new byte[] {0, 0, 0, 1, '/'}),
                new ExtendedReply(25, new byte[] {1, 2}));
    }

    @Test
    void everyRecordRoundTrips() throws Exception {
        for (SftpPacket p : all()) {
            byte[] enc = p.encode();
            SftpPacket back = SftpCodec.decode(enc);
            assertEquals(p.getClass(), back.getClass());
            assertEquals(p.type(), back.type());
            assertArrayEquals(enc, back.encode(), p.toString());
            // framing round trip
            assertArrayEquals(enc, SftpCodec.readFrame(new ByteArrayInputStream(SftpCodec.frame(enc))));
        }
    }

    @Test
    void valueRecordsAreEqualAfterDecoding() throws Exception {
        assertEquals(new Status(19, 2, "No such file", "en"), SftpCodec.decode(new Status(19, 2, "No such file", "en").encode()));
        assertEquals(new Attrs(1, FULL), SftpCodec.decode(new Attrs(1, FULL).encode()));
        assertEquals(new Attrs(1, EXT), SftpCodec.decode(new Attrs(1, EXT).encode()));
    }

    @Test
    void everyTruncationIsAProtocolException() {
        for (SftpPacket p : all()) {
            byte[] enc = p.encode();
            for (int n = 1; n < enc.length; n++) {
                byte[] cut = java.util.Arrays.copyOf(enc, n);
                if (p instanceof Version || p instanceof Init || p instanceof Extended || p instanceof ExtendedReply) {
                    continue; // these end in "rest of packet" fields: shorter is another valid packet or an error
                }
                try {
                    SftpPacket d = SftpCodec.decode(cut);
                    if (!(d instanceof Status)) {
                        throw new AssertionError("decoded truncated " + p + " at " + n);
                    }
                } catch (ProtocolException expected) {
                    // good
                }
            }
        }
    }

    @Test
    void trailingBytesAndUnknownTypesAreRejected() {
        byte[] enc = new Handle(1, H).encode();
        byte[] longer = java.util.Arrays.copyOf(enc, enc.length + 1);
        assertThrows(ProtocolException.class, () -> SftpCodec.decode(longer));
        assertThrows(ProtocolException.class, () -> SftpCodec.decode(new byte[] {99, 0, 0, 0, 1}));
        assertThrows(ProtocolException.class, () -> SftpCodec.decode(new byte[0]));
    }

    @Test
    void hugeCountsAreRejectedBeforeAllocation() {
        byte[] name = {(byte) SftpMessages.NAME, 0, 0, 0, 1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThrows(ProtocolException.class, () -> SftpCodec.decode(name));
        byte[] attrs = {(byte) SftpMessages.ATTRS, 0, 0, 0, 1, (byte) 0x80, 0, 0, 0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThrows(ProtocolException.class, () -> SftpCodec.decode(attrs));
        byte[] handle = new Handle(1, new byte[300]).encode();
        assertThrows(ProtocolException.class, () -> SftpCodec.decode(handle));
    }

    @Test
    void frameLengthsAreBounded() {
        assertThrows(ProtocolException.class, () -> SftpCodec.readFrame(new ByteArrayInputStream(new byte[] {0, 4, 0, 1, 1})));
        assertThrows(ProtocolException.class, () -> SftpCodec.readFrame(new ByteArrayInputStream(new byte[] {0, 0, 0, 0})));
        assertThrows(SftpException.class, () -> SftpCodec.readFrame(new ByteArrayInputStream(new byte[] {0, 0, 0, 9, 1})));
        assertThrows(SftpException.class, () -> SftpCodec.readFrame(new ByteArrayInputStream(new byte[] {0, 0})));
    }

    @Test
    void writeFrameHeaderMatchesTheRecordEncoding() throws Exception {
        byte[] data = {5, 6, 7, 8, 9};
        byte[] frame = new byte[Write.headerLength(H.length) + data.length];
        System.arraycopy(data, 0, frame, Write.headerLength(H.length), data.length);
        Write.frameHeader(frame, 77, H, 1234, data.length);
        assertArrayEquals(SftpCodec.frame(new Write(77, H, 1234, data).encode()), frame);
    }

    @Test
    void oldServersMayOmitStatusStrings() throws Exception {
        byte[] bare = {(byte) SftpMessages.STATUS, 0, 0, 0, 1, 0, 0, 0, 4};
        assertEquals(new Status(1, 4, "", ""), SftpCodec.decode(bare));
    }
}
