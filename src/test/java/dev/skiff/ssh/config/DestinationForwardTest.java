package dev.skiff.ssh.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DestinationForwardTest {

    @Test
    void destinations() throws Exception {
        assertEquals(new Destination(Optional.empty(), "h", OptionalInt.empty()), Destination.parse("h"));
        assertEquals(new Destination(Optional.of("a@b"), "h", OptionalInt.empty()), Destination.parse("a@b@h"));
        assertEquals(new Destination(Optional.of("u"), "h", OptionalInt.of(2222)), Destination.parse("ssh://u@h:2222"));
        assertEquals(new Destination(Optional.empty(), "::1", OptionalInt.of(22)), Destination.parse("ssh://[::1]:22"));
        assertEquals(new Destination(Optional.of("u s"), "h", OptionalInt.empty()), Destination.parse("ssh://u%20s@h/"));
        // like ssh, host:port is not split outside URIs
        assertEquals("h:22", Destination.parse("h:22").host());
        for (String bad : new String[] {"@h", "u@", "ssh://", "ssh://h:0", "ssh://h:x", "ssh://@h", "ssh://h/path"}) {
            assertThrows(SshConfigException.class, () -> Destination.parse(bad), bad);
        }
    }

    @Test
    void jumpHops() {
        assertEquals("u@j:2222", Destination.parseHop("u@j:2222").orElseThrow().format());
        assertEquals("[::1]:22", Destination.parseHop("[::1]:22").orElseThrow().format());
        assertTrue(Destination.parseHop("j:notaport").isEmpty());
    }

    @Test
    void forwards() {
        Forward f = Forward.parse("8080:localhost:80", false, false).orElseThrow();
        assertEquals("8080 [localhost]:80", f.formatListen() + " " + f.formatConnect());
        Forward g = Forward.parse("127.0.0.1:8081:[::1]:81", false, false).orElseThrow();
        assertEquals("[127.0.0.1]:8081 [::1]:81", g.formatListen() + " " + g.formatConnect());
        Forward d = Forward.parse("*:1080", true, false).orElseThrow();
        assertTrue(d.isDynamic());
        assertEquals("[*]:1080", d.formatListen());
        Forward s = Forward.parse("/tmp/a.sock:/tmp/b.sock", false, false).orElseThrow();
        assertEquals(Optional.of("/tmp/b.sock"), s.connectPath());
        assertTrue(Forward.parse("0:h:80", false, true).isPresent());
        assertTrue(Forward.parse("0:h:80", false, false).isEmpty());
        assertTrue(Forward.parse("8080", false, false).isEmpty());
        assertTrue(Forward.parse("8080:h:x", false, false).isEmpty());
        assertTrue(Forward.parse("1:2:3:4:5", false, false).isEmpty());
    }
}
