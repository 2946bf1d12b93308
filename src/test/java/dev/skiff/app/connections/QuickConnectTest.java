package dev.skiff.app.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.app.connections.QuickConnect.Scheme;
import org.junit.jupiter.api.Test;

class QuickConnectTest {
    @Test
    void plainForms() {
        assertEquals(new QuickConnect(Scheme.SSH, null, "example.org", 0, null), QuickConnect.parse("example.org").orElseThrow());
        assertEquals(new QuickConnect(Scheme.SSH, "alice", "h", 0, null), QuickConnect.parse(" alice@h ").orElseThrow());
        assertEquals(new QuickConnect(Scheme.SSH, "alice", "h", 2222, null), QuickConnect.parse("alice@h:2222").orElseThrow());
        assertEquals(new QuickConnect(Scheme.SSH, "a@b", "h", 22, null), QuickConnect.parse("a@b@h:22").orElseThrow());
        assertEquals(new QuickConnect(Scheme.SSH, null, "::1", 2200, null), QuickConnect.parse("[::1]:2200").orElseThrow());
        assertEquals(new QuickConnect(Scheme.SSH, null, "fe80::1", 0, null), QuickConnect.parse("fe80::1").orElseThrow());
    }

    @Test
    void uris() {
        assertEquals(new QuickConnect(Scheme.SSH, "bob", "10.0.0.1", 2022, null),
                QuickConnect.parse("ssh://bob@10.0.0.1:2022").orElseThrow());
        assertEquals(new QuickConnect(Scheme.SFTP, "bob", "files.example", 0, "/srv/data"),
                QuickConnect.parse("SFTP://bob@files.example/srv/data").orElseThrow());
        assertEquals(new QuickConnect(Scheme.SSH, "bob", "h", 0, null),
                QuickConnect.parse("ssh://bob;fingerprint=ssh-ed25519-AAAA@h").orElseThrow());
        assertEquals("bob@[::1]:22", QuickConnect.parse("ssh://bob@[::1]:22").orElseThrow().display());
    }

    @Test
    void garbageIsRefused() {
        for (String bad : new String[] {"", "  ", "@h", "h:0", "h:70000", "h:2x", "a b", "ssh://", "[::1", "[::1]x", "h\u0007"}) {
            assertTrue(QuickConnect.parse(bad).isEmpty(), bad);
        }
    }
}
