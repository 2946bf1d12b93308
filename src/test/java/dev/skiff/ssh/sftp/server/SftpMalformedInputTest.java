package dev.skiff.ssh.sftp.server;

import static dev.skiff.ssh.sftp.server.SftpProtocol.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.skiff.ssh.sftp.server.SftpRequest.*;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed input: framing errors end the session with {@link SftpServerException} (no large
 * allocation, no hang, no unchecked exception); a malformed body inside a sound frame gets
 * BAD_MESSAGE and the session goes on.
 */
class SftpMalformedInputTest {
    @TempDir
    Path root;

    private SftpTestClient client() throws Exception {
        return new SftpTestClient(SftpServerConfig.of(root));
    }

    private static void assertFramingError(SftpTestClient c) throws Exception {
        c.awaitEnd();
        assertInstanceOf(SftpServerException.class, c.failure.get());
    }

    @Test
    void fourGibLengthEndsTheSession() throws Exception {
        try (SftpTestClient c = client()) {
            c.init();
            c.sendRaw(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, FXP_OPEN});
            assertFramingError(c);
        }
    }

    @Test
    void lengthJustOverTheLimitAndZeroLengthEndTheSession() throws Exception {
        try (SftpTestClient c = client()) {
            c.sendRaw(new WireWriter().uint32(MAX_PACKET_LENGTH + 1L).toByteArray());
            assertFramingError(c);
        }
        try (SftpTestClient c = client()) {
            c.init();
            c.sendRaw(new byte[4]);
            assertFramingError(c);
        }
    }

    @Test
    void truncatedPacketEndsTheSession() throws Exception {
        try (SftpTestClient c = client()) {
            c.init();
            c.sendRaw(new WireWriter().uint32(100).byteValue(FXP_STAT).uint32(1).toByteArray());
            assertInstanceOf(SftpServerException.class, c.finish());
        }
        try (SftpTestClient c = client()) {
            c.init();
            c.sendRaw(new byte[] {0, 0});
            assertInstanceOf(SftpServerException.class, c.finish());
        }
    }

    @Test
    void requestBeforeInitSecondInitAndMissingIdEndTheSession() throws Exception {
        try (SftpTestClient c = client()) {
            c.send(new PathOp(FXP_STAT, 1, "/"));
            assertFramingError(c);
        }
        try (SftpTestClient c = client()) {
            c.init();
            c.send(new WireWriter().byteValue(FXP_INIT).uint32(3));
            assertFramingError(c);
        }
        try (SftpTestClient c = client()) {
            c.init();
            c.send(new WireWriter().byteValue(FXP_STAT).byteValue(0));
            assertFramingError(c);
        }
        try (SftpTestClient c = client()) {
            c.send(new WireWriter().byteValue(FXP_INIT).byteValue(0));
            assertFramingError(c);
        }
    }

    @Test
    void malformedBodiesGetBadMessage() throws Exception {
        Files.writeString(root.resolve("f"), "x");
        try (SftpTestClient c = client()) {
            c.init();
            // string length beyond the packet
            assertBad(c, new WireWriter().byteValue(FXP_OPEN).uint32(7).uint32(0x7fffffff).raw(new byte[8]), 7);
            // truncated READ
            assertBad(c, new WireWriter().byteValue(FXP_READ).uint32(8).string(new byte[4]).uint32(0), 8);
            // trailing bytes
            assertBad(c, new WireWriter().byteValue(FXP_STAT).uint32(9).utf8("f").byteValue(0), 9);
            // invalid UTF-8 path
            assertBad(c, new WireWriter().byteValue(FXP_STAT).uint32(10).string(new byte[] {(byte) 0xc3, 0x28}), 10);
            // attributes claiming 2^32-1 extended pairs
            assertBad(c, new WireWriter().byteValue(FXP_SETSTAT).uint32(11).utf8("f").uint32(ATTR_EXTENDED).uint32(0xffffffffL), 11);
            // extension name that is not printable
            assertBad(c, new WireWriter().byteValue(FXP_EXTENDED).uint32(12).string(new byte[] {1, 2}), 12);
            // session still works; a huge READ is capped
            byte[] h = c.handle(new Open(c.id(), "f", FXF_READ, SftpAttrs.EMPTY));
            WireReader r = c.expect(new Read(c.id(), h, 0, 0xffffffffL), FXP_DATA);
            assertEquals(1, r.string().length);
            c.status(new Read(c.id(), h, -1, 10), FX_EOF);
            c.status(new Write(c.id(), h, -1, new byte[1]), FX_PERMISSION_DENIED);
            assertNull(c.finish());
        }
    }

    private static void assertBad(SftpTestClient c, WireWriter body, long id) throws Exception {
        c.send(body);
        WireReader r = c.receive();
        assertEquals(FXP_STATUS, r.byteValue());
        assertEquals(id, r.uint32());
        assertEquals(FX_BAD_MESSAGE, r.uint32());
    }

    @Test
    void cleanEndOfInputReturnsNormally() throws Exception {
        try (SftpTestClient c = client()) {
            assertNull(c.finish());
        }
        try (SftpTestClient c = client()) {
            c.init();
            c.handle(new Open(c.id(), "g", FXF_WRITE | FXF_CREAT, SftpAttrs.EMPTY));
            assertNull(c.finish());
        }
    }
}
