package dev.skiff.ssh.x11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.wire.WireWriter;
import org.junit.jupiter.api.Test;

/** x11-req and x11 channel-open data: round trips, bounds, validation, no secret in toString. */
class X11RecordsTest {
    @Test
    void requestRoundTrip() throws Exception {
        X11Request r = new X11Request(true, "MIT-MAGIC-COOKIE-1", "00112233445566778899aabbccddeeff", 3);
        X11Request back = X11Request.decode(r.encode());
        assertEquals(r, back);
        assertTrue(back.wellFormed());
        assertFalse(back.toString().contains("0011"), back.toString());
    }

    @Test
    void requestWithTrailingBytesOrShortIsAProtocolError() {
        byte[] ok = new X11Request(false, "p", "ab", 0).encode();
        byte[] longer = java.util.Arrays.copyOf(ok, ok.length + 1);
        assertThrows(ProtocolException.class, () -> X11Request.decode(longer));
        assertThrows(ProtocolException.class, () -> X11Request.decode(java.util.Arrays.copyOf(ok, ok.length - 1)));
    }

    @Test
    void unsafeValuesAreNotWellFormed() {
        assertFalse(new X11Request(false, "MIT-MAGIC-COOKIE-1\nadd", "ab", 0).wellFormed());
        assertFalse(new X11Request(false, "MIT-MAGIC-COOKIE-1", "abc", 0).wellFormed());
        assertFalse(new X11Request(false, "MIT-MAGIC-COOKIE-1", "zz", 0).wellFormed());
        assertFalse(new X11Request(false, "MIT-MAGIC-COOKIE-1", "ab cd", 0).wellFormed());
        assertFalse(new X11Request(false, "", "ab", 0).wellFormed());
        assertFalse(new X11Request(false, "p", "ab", 70000).wellFormed());
        assertFalse(new X11Request(false, "p", "ab".repeat(600), 0).wellFormed());
    }

    @Test
    void openDataRoundTripAndBounds() throws Exception {
        X11OpenData d = new X11OpenData("127.0.0.1", 40000);
        assertEquals(d, X11OpenData.decode(d.encode()));
        byte[] badPort = new WireWriter().utf8("127.0.0.1").uint32(70000).toByteArray();
        assertThrows(ProtocolException.class, () -> X11OpenData.decode(badPort));
        assertThrows(ProtocolException.class, () -> X11OpenData.decode(new byte[] {0, 0, 0, 9, 'a'}));
    }

    @Test
    void displays() {
        X11Display local = X11Display.parse(":5");
        assertTrue(local.isLocalSocket());
        assertEquals(":5.0", local.xauthName());
        X11Display unix = X11Display.parse("unix:7.2");
        assertEquals(7, unix.number());
        assertEquals(2, unix.screen());
        X11Display lh = X11Display.parse("localhost:10.0");
        assertFalse(lh.isLocalSocket());
        assertEquals("unix:10.0", lh.xauthName());
        X11Display remote = X11Display.parse("host.example:1");
        assertEquals("host.example", remote.host());
        assertEquals("[::1]", "[" + X11Display.parse("[::1]:3").host() + "]");
        for (String bad : new String[] {"", "foo", ":", ":x", ":1.y", "/tmp/launch/org.x:0", ":99999"}) {
            assertThrows(IllegalArgumentException.class, () -> X11Display.parse(bad), bad);
        }
    }

    @Test
    void cookieToStringHidesTheData() {
        X11Cookie c = new X11Cookie("MIT-MAGIC-COOKIE-1", new byte[] {1, 2, 3, 4});
        assertEquals("01020304", c.hex());
        assertFalse(c.toString().contains("0102"));
        X11Cookie f = c.fake();
        assertEquals(c.protocol(), f.protocol());
        assertEquals(4, f.length());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, c.data());
    }
}
