package dev.skiff.ssh.x11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The X11 connection setup check: both byte orders, padding, wrong cookies, bounds. */
class X11SetupTest {
    private static final byte[] FAKE = bytes(16, 0x11);
    private static final byte[] REAL = bytes(16, 0x77);
    private static final String PROTO = X11Cookie.MIT_MAGIC_COOKIE;

    private static byte[] bytes(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    /** A setup request as an X client writes it, followed by {@code trailer}. */
    static byte[] setup(boolean msb, byte[] name, byte[] data, byte[] trailer) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(msb ? 'B' : 'l');
        o.write(0);
        card16(o, msb, 11);
        card16(o, msb, 0);
        card16(o, msb, name.length);
        card16(o, msb, data.length);
        card16(o, msb, 0);
        o.writeBytes(name);
        o.writeBytes(new byte[X11Setup.pad(name.length) - name.length]);
        o.writeBytes(data);
        o.writeBytes(new byte[X11Setup.pad(data.length) - data.length]);
        o.writeBytes(trailer);
        return o.toByteArray();
    }

    private static void card16(ByteArrayOutputStream o, boolean msb, int v) {
        if (msb) {
            o.write(v >> 8);
            o.write(v);
        } else {
            o.write(v);
            o.write(v >> 8);
        }
    }

    @Test
    void substitutesTheRealCookieInBothByteOrders() throws Exception {
        for (boolean msb : new boolean[] {true, false}) {
            byte[] trailer = "next".getBytes(StandardCharsets.US_ASCII);
            ByteArrayInputStream in = new ByteArrayInputStream(setup(msb, PROTO.getBytes(StandardCharsets.US_ASCII), FAKE, trailer));
            byte[] out = X11Setup.read(in).substitute(new X11Cookie(PROTO, FAKE), new X11Cookie(PROTO, REAL));
            assertArrayEquals(setup(msb, PROTO.getBytes(StandardCharsets.US_ASCII), REAL, new byte[0]), out);
            assertArrayEquals(trailer, in.readAllBytes(), "only the setup request is consumed");
        }
    }

    @Test
    void wrongCookieOrProtocolIsRefused() throws Exception {
        X11Cookie fake = new X11Cookie(PROTO, FAKE);
        X11Cookie real = new X11Cookie(PROTO, REAL);
        byte[] wrongData = setup(false, PROTO.getBytes(StandardCharsets.US_ASCII), bytes(16, 0x12), new byte[0]);
        assertThrows(X11Setup.RefusedException.class,
                () -> X11Setup.read(new ByteArrayInputStream(wrongData)).substitute(fake, real));
        byte[] wrongName = setup(false, "XDM-AUTHORIZATION-1".getBytes(StandardCharsets.US_ASCII), FAKE, new byte[0]);
        assertThrows(X11Setup.RefusedException.class,
                () -> X11Setup.read(new ByteArrayInputStream(wrongName)).substitute(fake, real));
        byte[] none = setup(true, new byte[0], new byte[0], new byte[0]);
        assertThrows(X11Setup.RefusedException.class,
                () -> X11Setup.read(new ByteArrayInputStream(none)).substitute(fake, real));
        byte[] shorter = setup(true, PROTO.getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(FAKE, 15), new byte[0]);
        assertThrows(X11Setup.RefusedException.class,
                () -> X11Setup.read(new ByteArrayInputStream(shorter)).substitute(fake, real));
    }

    @Test
    void malformedRequestsAreRefusedBeforeAllocating() {
        byte[] ok = setup(true, PROTO.getBytes(StandardCharsets.US_ASCII), FAKE, new byte[0]);
        byte[] badOrder = ok.clone();
        badOrder[0] = 'x';
        assertThrows(X11Setup.RefusedException.class, () -> X11Setup.read(new ByteArrayInputStream(badOrder)));
        byte[] huge = ok.clone();
        huge[6] = (byte) 0xff;
        huge[7] = (byte) 0xff;
        assertThrows(X11Setup.RefusedException.class, () -> X11Setup.read(new ByteArrayInputStream(huge)));
        assertThrows(EOFException.class, () -> X11Setup.read(new ByteArrayInputStream(Arrays.copyOf(ok, ok.length - 1))));
        assertThrows(EOFException.class, () -> X11Setup.read(new ByteArrayInputStream(Arrays.copyOf(ok, 5))));
        assertEquals(48, ok.length);
    }
}
