package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerKeyOptionsTest {
    static final SshKeyPair A = SshKeyGenerator.generate("ssh-ed25519", 0);
    static final SshKeyPair B = SshKeyGenerator.generate("ecdsa-sha2-nistp256", 0);

    @Test
    void parsesHonouredOptions() throws Exception {
        ServerKeyOptions o = ServerKeyOptions.parse(
                "from=\"10.0.0.0/8,!10.1.*\",no-pty,command=\"echo \\\"hi\\\" there\",permitopen=\"localhost:80\",permitopen=\"[::1]:*\"");
        assertEquals(List.of("10.0.0.0/8", "!10.1.*"), o.from());
        assertEquals("echo \"hi\" there", o.command());
        assertTrue(o.noPty());
        assertFalse(o.noPortForwarding());
        assertEquals(List.of("localhost:80", "[::1]:*"), o.permitOpen());
        ServerKeyOptions r = ServerKeyOptions.parse("restrict,pty,no-agent-forwarding,No-X11-Forwarding");
        assertFalse(r.noPty());
        assertTrue(r.noPortForwarding());
        assertTrue(r.noX11Forwarding());
        assertTrue(ServerKeyOptions.parse("restrict").noX11Forwarding());
        assertFalse(ServerKeyOptions.parse("restrict,X11-forwarding").noX11Forwarding());
        assertFalse(ServerKeyOptions.parse("no-pty").noX11Forwarding());
    }

    @Test
    void refusesWhatItCannotHonour() {
        for (String bad : List.of("environment=\"A=b\"", "expiry-time=\"20300101\"", "cert-authority", "tunnel=\"1\"",
                "permitlisten=\"8080\"", "frobnicate", "command=unquoted", "no-pty=\"x\"", "from", "permitopen=\"nohost\"",
                "command=\"open")) {
            assertThrows(ServerKeyOptions.UnsupportedOptionException.class, () -> ServerKeyOptions.parse(bad), bad);
        }
    }

    @Test
    void authorizedKeysFileWithOptionsFromAndSkippedLines() throws Exception {
        String a = A.publicKey().toOpenSshString();
        String b = B.publicKey().toOpenSshString();
        List<String> warnings = new ArrayList<>();
        ServerAuthorizedKeys keys = ServerAuthorizedKeys.parse(List.of("# comment", "",
                "from=\"192.168.*\",command=\"true\" " + a + " first",
                "no-pty " + a + " second",
                "environment=\"X=1\" " + b,
                "ssh-ed25519 notbase64"), "ak", warnings::add);
        assertEquals(2, keys.entries().size());
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("ak:5: option environment"), warnings.get(0));
        ServerAuthorizedKeys.Entry lan = keys.find(A.publicKey(), InetAddress.getByName("192.168.1.9"));
        assertEquals("true", lan.options().command());
        ServerAuthorizedKeys.Entry lo = keys.find(A.publicKey(), InetAddress.getByName("127.0.0.1"));
        assertTrue(lo.options().noPty());
        assertNull(lo.options().command());
        assertNull(keys.find(B.publicKey(), InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void fromPatterns() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        assertTrue(ServerAddressPatterns.fromAllows(List.of("127.0.0.?"), lo));
        assertTrue(ServerAddressPatterns.fromAllows(List.of("10.0.0.1", "127.0.0.0/8"), lo));
        assertFalse(ServerAddressPatterns.fromAllows(List.of("10.*"), lo));
        assertFalse(ServerAddressPatterns.fromAllows(List.of("*", "!127.*"), lo));
        assertFalse(ServerAddressPatterns.fromAllows(List.of("localhost"), lo)); // no name lookups
        assertTrue(ServerAddressPatterns.fromAllows(List.of("::1/128"), InetAddress.getByName("::1")));
        assertFalse(ServerAddressPatterns.fromAllows(List.of("127.0.0.0/33"), lo));
    }

    @Test
    void permitOpen() {
        assertTrue(ServerAddressPatterns.permitOpenAllows(List.of(), "any", 1));
        assertTrue(ServerAddressPatterns.permitOpenAllows(List.of("LocalHost:80"), "localhost", 80));
        assertFalse(ServerAddressPatterns.permitOpenAllows(List.of("localhost:80"), "localhost", 81));
        assertTrue(ServerAddressPatterns.permitOpenAllows(List.of("[::1]:*"), "::1", 9));
        assertTrue(ServerAddressPatterns.permitOpenAllows(List.of("*:22"), "example.org", 22));
        assertNotNull(ServerAddressPatterns.permitOpenAllows(List.of("a:1"), "b", 1) ? null : "refused");
    }
}
