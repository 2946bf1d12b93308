package dev.skiff.ssh.x11;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The X11 connection setup request an X client sends first (X11 protocol, "Connection Setup"),
 * checked and rewritten by the SSH client as in OpenSSH's {@code x11_open_helper}:
 * <pre>
 *   CARD8   byte order: 'B' (0x42, MSB first) or 'l' (0x6c, LSB first)
 *   CARD8   unused
 *   CARD16  protocol-major-version, CARD16 protocol-minor-version
 *   CARD16  n = length of authorization-protocol-name
 *   CARD16  d = length of authorization-protocol-data
 *   CARD16  unused
 *   STRING8 name, padded to a multiple of 4;  STRING8 data, padded to a multiple of 4
 * </pre>
 * The name and data must equal the fake cookie sent in {@code x11-req}; the data is then replaced
 * by the real cookie (same length), so the real one never leaves this machine.
 */
public final class X11Setup {
    /** Longest authorization name / data accepted (real ones are 18 and 16 bytes). */
    public static final int MAX_FIELD = 1024;
    static final int HEADER = 12;

    private final byte[] packet;
    private final int nameLength;
    private final int dataLength;

    private X11Setup(byte[] packet, int nameLength, int dataLength) {
        this.packet = packet;
        this.nameLength = nameLength;
        this.dataLength = dataLength;
    }

    /** Thrown when the setup request is malformed or carries the wrong cookie. */
    public static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    /**
     * Reads one complete setup request (header, padded name and data) from {@code in}, every length
     * checked before anything is allocated.
     *
     * @throws RefusedException for a bad byte order or an oversized field
     * @throws EOFException if the stream ends inside the request
     */
    public static X11Setup read(InputStream in) throws IOException {
        byte[] header = readFully(in, HEADER);
        boolean msbFirst;
        if (header[0] == 'B') {
            msbFirst = true;
        } else if (header[0] == 'l') {
            msbFirst = false;
        } else {
            throw new RefusedException("bad byte order in X11 connection setup");
        }
        int n = card16(header, 6, msbFirst);
        int d = card16(header, 8, msbFirst);
        if (n > MAX_FIELD || d > MAX_FIELD) {
            throw new RefusedException("X11 authorization fields too long (" + n + ", " + d + ")");
        }
        byte[] packet = Arrays.copyOf(header, HEADER + pad(n) + pad(d));
        byte[] rest = readFully(in, pad(n) + pad(d));
        System.arraycopy(rest, 0, packet, HEADER, rest.length);
        return new X11Setup(packet, n, d);
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("X11 connection setup ended early");
        }
        return b;
    }

    private static int card16(byte[] b, int off, boolean msbFirst) {
        int hi = b[msbFirst ? off : off + 1] & 0xff;
        int lo = b[msbFirst ? off + 1 : off] & 0xff;
        return hi << 8 | lo;
    }

    static int pad(int n) {
        return (n + 3) & ~3;
    }

    /**
     * Checks the request against {@code fake} and returns the request with {@code real}'s data in
     * its place, ready for the X server.
     *
     * @throws RefusedException when protocol or data differ from the fake cookie, or the real
     *         cookie's length differs (it cannot be substituted in place)
     */
    public byte[] substitute(X11Cookie fake, X11Cookie real) throws RefusedException {
        byte[] name = Arrays.copyOfRange(packet, HEADER, HEADER + nameLength);
        byte[] data = Arrays.copyOfRange(packet, HEADER + pad(nameLength), HEADER + pad(nameLength) + dataLength);
        try {
            if (!fake.matches(name, data)) {
                throw new RefusedException("X11 connection uses the wrong authentication cookie");
            }
            if (real.length() != dataLength) {
                throw new RefusedException("the real X11 cookie has another length than the fake one");
            }
            byte[] out = packet.clone();
            byte[] r = real.data();
            System.arraycopy(r, 0, out, HEADER + pad(nameLength), r.length);
            Arrays.fill(r, (byte) 0);
            return out;
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }
}
