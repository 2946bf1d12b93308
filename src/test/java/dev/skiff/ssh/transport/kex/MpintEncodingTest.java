package dev.skiff.ssh.transport.kex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** mpint examples of RFC 4251 section 5, and the curve25519 K encoding of RFC 8731 section 3.1. */
class MpintEncodingTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 00000000",
        "9a378f9b2e332a7, 0000000809a378f9b2e332a7",
        "80, 000000020080",
        "-1234, 00000002edcc",
        "-deadbeef, 00000005ff21524111",
    })
    void rfc4251Examples(String value, String wire) throws Exception {
        BigInteger v = new BigInteger(value, 16);
        assertArrayEquals(hex(wire), new WireWriter().mpint(v).toByteArray());
        WireReader r = new WireReader(hex(wire));
        assertEquals(v, r.mpint());
        r.expectEnd();
        if (v.signum() >= 0) {
            assertArrayEquals(hex(wire), EncodedSecret.mpint(v));
        }
    }

    @Test
    void curve25519SecretIsBigEndianUnsignedWithoutReversal() {
        // top bit set: a 0x00 byte is prepended, bytes are not reversed
        byte[] high = hex("80" + "11".repeat(30) + "01");
        assertArrayEquals(hex("00000021" + "00" + "80" + "11".repeat(30) + "01"), EncodedSecret.mpintUnsigned(high));
        // leading zero bytes are dropped; then the next byte's top bit decides the padding
        byte[] leadingZero = hex("0000" + "7f" + "22".repeat(29));
        assertArrayEquals(hex("0000001e" + "7f" + "22".repeat(29)), EncodedSecret.mpintUnsigned(leadingZero));
        byte[] leadingZeroHigh = hex("00" + "ff" + "33".repeat(30));
        assertArrayEquals(hex("00000020" + "00" + "ff" + "33".repeat(30)), EncodedSecret.mpintUnsigned(leadingZeroHigh));
        // the RFC 7748 6.1 shared secret read as a big-endian number
        byte[] k = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertArrayEquals(new WireWriter().mpint(new BigInteger(1, k)).toByteArray(), EncodedSecret.mpintUnsigned(k));
    }

    @Test
    void stringSecret() {
        assertArrayEquals(hex("00000003010203"), EncodedSecret.string(new byte[] {1, 2, 3}));
    }
}
