package dev.skiff.ssh.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.PeerDisconnectedException;
import dev.skiff.ssh.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionExchangeTest {
    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void acceptsServerVersionWithPrecedingLines() throws Exception {
        InputStream in = in("hello\r\nsecond line\nSSH-2.0-OpenSSH_9.2p1 Debian\r\nREST");
        VersionExchange.Result r = VersionExchange.receive(in, true);
        assertEquals("SSH-2.0-OpenSSH_9.2p1 Debian", r.peerVersion());
        assertEquals(List.of("hello", "second line"), r.preamble());
        assertEquals('R', in.read(), "nothing after the identification line is consumed");
    }

    @Test
    void accepts199AndBareLf() throws Exception {
        assertEquals("SSH-1.99-x", VersionExchange.receive(in("SSH-1.99-x\n"), true).peerVersion());
    }

    @Test
    void refusesSsh1() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> VersionExchange.receive(in("SSH-1.5-old\r\n"), true));
        assertEquals(DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("1.5"));
    }

    @Test
    void refusesMalformedAndOverlongLines() {
        assertThrows(ProtocolException.class, () -> VersionExchange.receive(in("SSH-2.0\r\n"), true));
        assertThrows(ProtocolException.class, () -> VersionExchange.receive(in("SSH-2.0-\r\n"), true));
        assertThrows(ProtocolException.class, () -> VersionExchange.receive(in("SSH-2.0-" + "x".repeat(300) + "\r\n"), true));
        assertThrows(ProtocolException.class, () -> VersionExchange.receive(in("SSH-2.0-a\0b\r\n"), true));
    }

    @Test
    void boundsPreambleLines() {
        String many = "line\n".repeat(VersionExchange.MAX_PRE_LINES + 1) + "SSH-2.0-x\r\n";
        assertThrows(ProtocolException.class, () -> VersionExchange.receive(in(many), true));
    }

    @Test
    void serverRoleRefusesPreamble() {
        assertThrows(ProtocolException.class, () -> VersionExchange.receive(in("junk\nSSH-2.0-x\n"), false));
    }

    @Test
    void closedBeforeIdentification() {
        assertThrows(PeerDisconnectedException.class, () -> VersionExchange.receive(in("partial"), true));
        assertThrows(PeerDisconnectedException.class, () -> VersionExchange.receive(in(""), true));
    }

    @Test
    void printableEscapesControlCharacters() {
        assertEquals("a\\x1bb", VersionExchange.printable("a\u001bb"));
    }
}
