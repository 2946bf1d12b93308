package dev.skiff.ssh.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.ProtocolException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireReaderTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 4251 section 5, the mpint examples. */
    @Test
    void mpintExamplesFromRfc4251() throws Exception {
        String[][] cases = {
            {"0", "00000000"},
            {"9a378f9b2e332a7", "0000000809a378f9b2e332a7"},
            {"80", "000000020080"},
            {"-1234", "00000002edcc"},
            {"-deadbeef", "00000005ff21524111"},
        };
        for (String[] c : cases) {
            BigInteger v = new BigInteger(c[0], 16);
            byte[] enc = new WireWriter().mpint(v).toByteArray();
            assertEquals(c[1], HEX.formatHex(enc), "encoding of " + c[0]);
            WireReader r = new WireReader(enc);
            assertEquals(v, r.mpint());
            r.expectEnd();
        }
    }

    @Test
    void mpintUnsignedAddsSignByteAndStripsZeros() throws Exception {
        assertEquals("000000020080", HEX.formatHex(new WireWriter().mpintUnsigned(HEX.parseHex("000080")).toByteArray()));
        assertEquals("00000000", HEX.formatHex(new WireWriter().mpintUnsigned(new byte[3]).toByteArray()));
        assertEquals("000000017f", HEX.formatHex(new WireWriter().mpintUnsigned(HEX.parseHex("7f")).toByteArray()));
    }

    @Test
    void mpintWithSuperfluousLeadingByteIsRejected() {
        assertThrows(ProtocolException.class, () -> new WireReader(HEX.parseHex("000000020001")).mpint());
        assertThrows(ProtocolException.class, () -> new WireReader(HEX.parseHex("00000002ff80")).mpint());
    }

    @Test
    void lengthBeyondDataIsRejectedBeforeAllocation() {
        // A 4 GiB string length in a 6-byte buffer: must fail cleanly, not allocate.
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new WireReader(HEX.parseHex("ffffffff0102")).string());
        assertEquals(true, e.getMessage().contains("exceeds"));
        assertThrows(ProtocolException.class, () -> new WireReader(HEX.parseHex("0000000501")).string());
        assertThrows(ProtocolException.class, () -> new WireReader(new byte[3]).uint32());
        assertThrows(ProtocolException.class, () -> new WireReader(new byte[0]).byteValue());
    }

    @Test
    void nameListParsing() throws Exception {
        byte[] enc = new WireWriter().nameList(List.of("a-b", "c@d.org")).toByteArray();
        assertEquals(List.of("a-b", "c@d.org"), new WireReader(enc).nameList());
        assertEquals(List.of(), new WireReader(HEX.parseHex("00000000")).nameList());
        assertThrows(ProtocolException.class, () -> new WireReader(new WireWriter().utf8("a,,b").toByteArray()).nameList());
        assertThrows(ProtocolException.class, () -> new WireReader(new WireWriter().utf8("a,").toByteArray()).nameList());
        assertThrows(ProtocolException.class, () -> new WireReader(new WireWriter().utf8("a b").toByteArray()).nameList());
    }

    @Test
    void scalarsRoundTrip() throws Exception {
        byte[] enc = new WireWriter().byteValue(7).bool(true).uint32(0xfffffffeL).uint64(-2L).string(new byte[] {1, 2})
                .utf8("héllo").toByteArray();
        WireReader r = new WireReader(enc);
        assertEquals(7, r.byteValue());
        assertEquals(true, r.bool());
        assertEquals(0xfffffffeL, r.uint32());
        assertEquals(-2L, r.uint64());
        assertArrayEquals(new byte[] {1, 2}, r.string());
        assertEquals("héllo", r.utf8());
        r.expectEnd();
    }

    @Test
    void trailingBytesFailExpectEnd() throws Exception {
        WireReader r = new WireReader(new byte[] {1, 2});
        r.byteValue();
        assertThrows(ProtocolException.class, r::expectEnd);
    }

    @Test
    void invalidUtf8AndIntOverflowAreProtocolErrors() {
        assertThrows(ProtocolException.class, () -> new WireReader(HEX.parseHex("00000001ff")).utf8());
        assertThrows(ProtocolException.class, () -> new WireReader(HEX.parseHex("80000000")).uint32AsInt("count"));
    }
}
