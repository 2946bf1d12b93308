package dev.skiff.ssh.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireWriter;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TcpipOpenDataTest {
    @Test
    void wireLayout() {
        TcpipOpenData d = new TcpipOpenData("ab", 80, "127.0.0.1", 65535);
        assertEquals("00000002" + "6162" + "00000050" + "00000009" + HexFormat.of().formatHex("127.0.0.1".getBytes())
                + "0000ffff", HexFormat.of().formatHex(d.encode()));
    }

    @Test
    void roundTrip() throws Exception {
        TcpipOpenData d = new TcpipOpenData("example.org", 443, "::1", 50000);
        assertEquals(d, TcpipOpenData.decode(d.encode()));
        assertArrayEquals(d.encode(), TcpipOpenData.decode(d.encode()).encode());
    }

    @Test
    void rejectsTrailingBytesAndBadPorts() {
        byte[] ok = new TcpipOpenData("h", 1, "o", 2).encode();
        byte[] trailing = java.util.Arrays.copyOf(ok, ok.length + 1);
        assertThrows(ProtocolException.class, () -> TcpipOpenData.decode(trailing));
        byte[] bigPort = new WireWriter().utf8("h").uint32(65536).utf8("o").uint32(1).toByteArray();
        assertThrows(ProtocolException.class, () -> TcpipOpenData.decode(bigPort));
        byte[] truncated = java.util.Arrays.copyOf(ok, ok.length - 2);
        assertThrows(ProtocolException.class, () -> TcpipOpenData.decode(truncated));
        byte[] longHost = new WireWriter().utf8("h".repeat(2000)).uint32(1).utf8("o").uint32(1).toByteArray();
        assertThrows(ProtocolException.class, () -> TcpipOpenData.decode(longHost));
    }

    @Test
    void constructorChecksPorts() {
        assertThrows(IllegalArgumentException.class, () -> new TcpipOpenData("h", -1, "o", 0));
        assertThrows(IllegalArgumentException.class, () -> new TcpipOpenData("h", 1, "o", 70000));
    }
}
