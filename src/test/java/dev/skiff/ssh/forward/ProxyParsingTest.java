package dev.skiff.ssh.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.ConnectSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyParsingTest {
    @Test
    void jumpHops() {
        List<ConnectSpec> hops = ProxyJump.parse("alice@jump1:2222,jump2,[::1]:22,bob@[fe80::1]", "me");
        assertEquals(List.of(new ConnectSpec("jump1", "jump1", 2222, "alice"), new ConnectSpec("jump2", "jump2", 22, "me"),
                new ConnectSpec("::1", "::1", 22, "me"), new ConnectSpec("fe80::1", "fe80::1", 22, "bob")), hops);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a,,b", "@h", "h:", "h:0", "h:70000", "h:x", "[::1", "[::1]x", "a b", "h:22:33"})
    void badJumps(String value) {
        assertThrows(IllegalArgumentException.class, () -> ProxyJump.parse(value, "me"));
    }

    @Test
    void expandTokens() {
        ConnectSpec t = new ConnectSpec("alias", "10.0.0.5", 2200, "carol");
        assertEquals("ssh -W 10.0.0.5:2200 -l carol jump # alias 100%",
                ProxyCommand.expand("ssh -W %h:%p -l %r jump # %n 100%%", t));
        assertEquals("nc  22", ProxyCommand.expand("nc %r %p", ConnectSpec.of("h", 22)));
        assertThrows(IllegalArgumentException.class, () -> ProxyCommand.expand("nc %x", t));
        assertThrows(IllegalArgumentException.class, () -> ProxyCommand.expand("nc %", t));
    }
}
