package dev.skiff.ssh.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardSpecTest {
    @Test
    void localWithoutBindAddress() {
        ForwardSpec s = ForwardSpec.parseLocal("8080:example.org:80");
        assertEquals(new ForwardSpec(null, 8080, "example.org", 80), s);
        assertFalse(s.wildcardBind());
        assertEquals("8080:example.org:80", s.toString());
    }

    @Test
    void localWithBindAddress() {
        assertEquals(new ForwardSpec("127.0.0.2", 0, "db", 5432), ForwardSpec.parseLocal("127.0.0.2:0:db:5432"));
        assertEquals(new ForwardSpec("localhost", 1, "h", 2), ForwardSpec.parseLocal("localhost:1:h:2"));
    }

    @Test
    void wildcardBindAddresses() {
        ForwardSpec empty = ForwardSpec.parseLocal(":8080:h:80");
        assertEquals("", empty.bindAddress());
        assertTrue(empty.wildcardBind());
        ForwardSpec star = ForwardSpec.parseRemote("*:8080:h:80");
        assertEquals("*", star.bindAddress());
        assertTrue(star.wildcardBind());
    }

    @Test
    void ipv6InBrackets() {
        ForwardSpec s = ForwardSpec.parseLocal("[::1]:8080:[fe80::1]:80");
        assertEquals(new ForwardSpec("::1", 8080, "fe80::1", 80), s);
        assertEquals("[::1]:8080:[fe80::1]:80", s.toString());
        assertEquals(new ForwardSpec(null, 8080, "2001:db8::2", 22), ForwardSpec.parseLocal("8080:[2001:db8::2]:22"));
    }

    @Test
    void slashDelimiter() {
        assertEquals(new ForwardSpec("::1", 8080, "::2", 80), ForwardSpec.parseLocal("[::1]/8080/[::2]/80"));
        assertEquals(new ForwardSpec(null, 8080, "h", 80), ForwardSpec.parseLocal("8080/h/80"));
    }

    @Test
    void dynamic() {
        assertEquals(new ForwardSpec(null, 1080, null, 0), ForwardSpec.parseDynamic("1080"));
        assertEquals(new ForwardSpec("0.0.0.0", 1080, null, 0), ForwardSpec.parseDynamic("0.0.0.0:1080"));
        assertEquals(new ForwardSpec("::1", 0, null, 0), ForwardSpec.parseDynamic("[::1]:0"));
        assertEquals(new ForwardSpec("*", 1080, null, 0), ForwardSpec.parseDynamic("*:1080"));
        assertEquals("[::1]:0", ForwardSpec.parseDynamic("[::1]:0").toString());
    }

    @Test
    void remote() {
        assertEquals(new ForwardSpec(null, 0, "localhost", 3000), ForwardSpec.parseRemote("0:localhost:3000"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForwardSpec.parseRemote("8080"));
        assertEquals("Bad remote forwarding specification '8080'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8080", "8080:h", "a:b:c:d:e", "x:h:80", "8080:h:0", "8080:h:65536", "65536:h:80",
        "8080::80", "8080:h:", "[::1:8080:h:80", "[::1]x:8080:h:80", "8080:h:-1", "8080:h:+80", "8080:h:000080",
        "ho[st:8080:h:80", "8080:h:80:"})
    void badLocal(String arg) {
        assertThrows(IllegalArgumentException.class, () -> ForwardSpec.parseLocal(arg));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h:", "a:b:c", "x", "-1", "99999", "[::1]"})
    void badDynamic(String arg) {
        assertThrows(IllegalArgumentException.class, () -> ForwardSpec.parseDynamic(arg));
    }

    @Test
    void tooLong() {
        assertThrows(IllegalArgumentException.class, () -> ForwardSpec.parseLocal("1:" + "h".repeat(2000) + ":2"));
    }
}
