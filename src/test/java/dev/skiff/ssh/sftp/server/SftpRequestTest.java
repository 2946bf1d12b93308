package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.skiff.ssh.sftp.server.SftpRequest.*;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every request record survives encode → decode → encode unchanged. */
class SftpRequestTest {
    private static final SftpAttrs ALL = new SftpAttrs(ATTR_SIZE | ATTR_UIDGID | ATTR_PERMISSIONS | ATTR_ACMODTIME
            | ATTR_EXTENDED, 1L << 40, 1000, 100, 0100644, 1, 0xffffffffL, List.of("a".getBytes(), new byte[] {0}));

    @Test
    void roundTrips() throws Exception {
        byte[] h = {0, 0, 0, 1};
        List<SftpRequest> all = List.of(new Open(1, "f", FXF_READ | FXF_CREAT, ALL), new Open(2, "ü", 0, SftpAttrs.EMPTY),
                new HandleOp(FXP_CLOSE, 3, h), new HandleOp(FXP_FSTAT, 4, h), new HandleOp(FXP_READDIR, 5, h),
                new Read(6, h, Long.MAX_VALUE, 0xffffffffL), new Write(7, h, 9, new byte[] {1, 2, 3}),
                new PathOp(FXP_LSTAT, 8, "/a"), new PathOp(FXP_STAT, 9, ""), new PathOp(FXP_OPENDIR, 10, "."),
                new PathOp(FXP_REMOVE, 11, "x"), new PathOp(FXP_RMDIR, 12, "x"), new PathOp(FXP_REALPATH, 13, ".."),
                new PathOp(FXP_READLINK, 14, "l"), new PathAttrs(FXP_SETSTAT, 15, "s", ALL),
                new PathAttrs(FXP_MKDIR, 16, "m", SftpAttrs.EMPTY), new HandleAttrs(17, h, ALL),
                new TwoPaths(FXP_RENAME, 18, "a", "b"), new TwoPaths(FXP_SYMLINK, 19, "target", "link"),
                new Extended(20, EXT_LIMITS, new byte[0]), new Extended(21, EXT_STATVFS, new WireWriter().utf8("/").toByteArray()),
                new Unknown(77, 22));
        for (SftpRequest req : all) {
            WireWriter w = new WireWriter();
            req.encode(w);
            byte[] bytes = w.toByteArray();
            WireReader r = new WireReader(bytes);
            int type = r.byteValue();
            SftpRequest back = SftpRequest.decode(type, r.uint32(), r);
            WireWriter again = new WireWriter();
            back.encode(again);
            assertArrayEquals(bytes, again.toByteArray(), req.toString());
        }
    }
}
