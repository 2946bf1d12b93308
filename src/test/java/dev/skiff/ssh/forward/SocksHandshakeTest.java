package dev.skiff.ssh.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.ChannelOpenFailedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SocksHandshakeTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private SocksRequest negotiate(String hex) throws IOException {
        return SocksHandshake.negotiate(new ByteArrayInputStream(HexFormat.of().parseHex(hex)), out);
    }

    private String replies() {
        return HexFormat.of().formatHex(out.toByteArray());
    }

    @Test
    void socks4() throws Exception {
        SocksRequest r = negotiate("04" + "01" + "0050" + "c0a80001" + HexFormat.of().formatHex("bob".getBytes()) + "00");
        assertEquals(new SocksRequest(4, "192.168.0.1", 80), r);
        assertEquals("", replies());
        assertEquals("005a000000000000", HexFormat.of().formatHex(r.success()));
        assertEquals("005b000000000000", HexFormat.of().formatHex(r.failure(ChannelOpenFailedException.CONNECT_FAILED)));
    }

    @Test
    void socks4a() throws Exception {
        SocksRequest r = negotiate("04010016" + "00000001" + "00" + HexFormat.of().formatHex("example.org".getBytes()) + "00");
        assertEquals(new SocksRequest(4, "example.org", 22), r);
    }

    @Test
    void socks4BindRejected() {
        assertThrows(IOException.class, () -> negotiate("04020016" + "7f000001" + "00"));
        assertEquals("005b000000000000", replies());
    }

    @Test
    void socks4UserIdBounded() {
        String longUser = "41".repeat(SocksHandshake.MAX_FIELD + 1);
        assertThrows(IOException.class, () -> negotiate("04010016" + "7f000001" + longUser + "00"));
        assertThrows(IOException.class, () -> negotiate("04010016" + "7f000001" + "4141")); // no NUL
    }

    @Test
    void socks5Domain() throws Exception {
        byte[] name = "example.org".getBytes(StandardCharsets.US_ASCII);
        SocksRequest r = negotiate("050100" + "05010003" + String.format("%02x", name.length)
                + HexFormat.of().formatHex(name) + "01bb");
        assertEquals(new SocksRequest(5, "example.org", 443), r);
        assertEquals("0500", replies());
        assertEquals("05000001000000000000", HexFormat.of().formatHex(r.success()));
    }

    @Test
    void socks5Ipv4AndIpv6() throws Exception {
        assertEquals(new SocksRequest(5, "10.0.0.1", 8080), negotiate("0502" + "0200" + "05010001" + "0a000001" + "1f90"));
        out.reset();
        SocksRequest r = negotiate("050100" + "05010004" + "00000000000000000000000000000001" + "0016");
        assertEquals(5, r.version());
        assertEquals(22, r.port());
        assertEquals("0:0:0:0:0:0:0:1", r.host());
    }

    @Test
    void socks5FailureCodes() {
        SocksRequest r = new SocksRequest(5, "h", 1);
        assertEquals(0x05, r.failure(ChannelOpenFailedException.CONNECT_FAILED)[1]);
        assertEquals(0x02, r.failure(ChannelOpenFailedException.ADMINISTRATIVELY_PROHIBITED)[1]);
        assertEquals(0x01, r.failure(ChannelOpenFailedException.RESOURCE_SHORTAGE)[1]);
        assertEquals(0x01, r.failure(-1)[1]);
    }

    @Test
    void socks5NoAcceptableMethod() {
        assertThrows(IOException.class, () -> negotiate("050102" + "05010001" + "7f000001" + "0016"));
        assertEquals("05ff", replies());
    }

    @Test
    void socks5UnsupportedCommandAndAddressType() {
        assertThrows(IOException.class, () -> negotiate("050100" + "05020001" + "7f000001" + "0016"));
        assertArrayEquals(HexFormat.of().parseHex("0500" + "05070001000000000000"), out.toByteArray());
        out.reset();
        assertThrows(IOException.class, () -> negotiate("050100" + "05010009" + "7f000001" + "0016"));
        assertArrayEquals(HexFormat.of().parseHex("0500" + "05080001000000000000"), out.toByteArray());
    }

    @Test
    void malformed() {
        assertThrows(IOException.class, () -> negotiate("47455420"));  // "GET "
        assertThrows(IOException.class, () -> negotiate("0501"));      // truncated
        assertThrows(IOException.class, () -> negotiate("050100" + "05010003" + "00" + "0016")); // empty name
        assertThrows(IOException.class, () -> negotiate("050100" + "05010003" + "03" + "610a62" + "0016"));
    }
}
